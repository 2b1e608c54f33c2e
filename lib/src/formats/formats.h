// Internal: the formatter factories, one per file in this folder.
#pragma once

#include <memory>

#include "storylint/format.h"

namespace storylint {

std::unique_ptr<Formatter> make_text_formatter();
std::unique_ptr<Formatter> make_json_formatter();

}  // namespace storylint
