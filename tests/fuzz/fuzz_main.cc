// A libFuzzer entry point; STORYLINT_FUZZ_TARGET picks the target at compile time.
#include <cstddef>
#include <cstdint>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  storylint::fuzz::STORYLINT_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
