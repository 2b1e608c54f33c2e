// LSP base protocol: "Content-Length: N\r\n\r\n" then N bytes of JSON.
#include "transport.h"

#include <poll.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace storylint::lsp {

bool Transport::header(std::size_t* body_at, std::size_t* length, std::string* error) const {
  std::size_t end = buf_.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  *body_at = end + 4;
  *length = std::string::npos;
  std::size_t at = 0;
  while (at < end) {
    std::size_t eol = buf_.find("\r\n", at);
    if (eol == std::string::npos || eol > end) eol = end;
    std::string line = buf_.substr(at, eol - at);
    // Header names are case-insensitive.
    std::string name = line.substr(0, line.find(':'));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "content-length" && line.find(':') != std::string::npos) {
      const char* v = line.c_str() + line.find(':') + 1;
      char* stop = nullptr;
      unsigned long long n = std::strtoull(v, &stop, 10);
      while (stop && (*stop == ' ' || *stop == '\t')) ++stop;
      if (stop == v || (stop && *stop) || n > kMaxMessageBytes) {
        *error = "bad Content-Length header: " + line;
        *length = std::string::npos - 1;
        return true;
      }
      *length = static_cast<std::size_t>(n);
    }
    at = eol + 2;
  }
  if (*length == std::string::npos) {
    *error = "a message without a Content-Length header";
    *length = std::string::npos - 1;
  }
  return true;
}

bool Transport::ready() const {
  std::size_t body_at = 0, length = 0;
  std::string error;
  if (!header(&body_at, &length, &error)) return false;
  return length == std::string::npos - 1 || buf_.size() >= body_at + length;
}

Transport::Read Transport::read(std::string* body, int timeout_ms, std::string* error) {
  for (;;) {
    std::size_t body_at = 0, length = 0;
    if (header(&body_at, &length, error)) {
      if (length == std::string::npos - 1) {  // broken header: drop it, resync on the next
        buf_.erase(0, body_at);
        return Read::bad;
      }
      if (buf_.size() >= body_at + length) {
        *body = buf_.substr(body_at, length);
        buf_.erase(0, body_at + length);
        return Read::message;
      }
    } else if (buf_.size() > 64 * 1024) {  // no header end in 64 KB: garbage
      *error = "no message header in the input";
      buf_.clear();
      return Read::bad;
    }
    pollfd p{in_, POLLIN, 0};
    int r = ::poll(&p, 1, timeout_ms);
    if (r == 0) return Read::timeout;
    if (r < 0) {
      if (errno == EINTR) continue;
      return Read::eof;
    }
    char chunk[65536];
    ssize_t n = ::read(in_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Read::eof;
    buf_.append(chunk, static_cast<std::size_t>(n));
  }
}

bool Transport::write(const std::string& body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::size_t at = 0;
  while (at < out.size()) {
    ssize_t n = ::write(out_, out.data() + at, out.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    at += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace storylint::lsp
