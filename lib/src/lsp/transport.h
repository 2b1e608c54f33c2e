// Internal: JSON-RPC messages over a byte stream with LSP's Content-Length framing.
#pragma once

#include <string>

namespace storylint::lsp {

class Transport {
 public:
  Transport(int in_fd, int out_fd) : in_(in_fd), out_(out_fd) {}

  enum class Read { message, timeout, eof, bad };
  /// Reads the next message body into `body`, waiting at most `timeout_ms` (-1: no limit)
  /// for input. `bad`: the framing is broken (`error` says how); the stream then resyncs at
  /// the next header. `eof`: the client is gone.
  Read read(std::string* body, int timeout_ms, std::string* error);
  /// Whether a whole message is already buffered (no wait needed).
  bool ready() const;
  /// Writes one message, framed; false when the client is gone.
  bool write(const std::string& body);

 private:
  // The header block's end and the body's length, when the buffer holds a full header.
  bool header(std::size_t* body_at, std::size_t* length, std::string* error) const;
  int in_, out_;
  std::string buf_;
};

/// Largest message body accepted (a 5 MB story fits many times over).
inline constexpr std::size_t kMaxMessageBytes = 64 * 1024 * 1024;

}  // namespace storylint::lsp
