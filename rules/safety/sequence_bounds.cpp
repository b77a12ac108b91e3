#include "rules/safety/sequence_bounds.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace sqlgate::rules {

SequenceType sequence_type(const std::string& type) {
  if (type == "int2") {
    return {std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int16_t>::max(),
            "smallint"};
  }
  if (type == "int4") {
    return {std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max(),
            "integer"};
  }
  return {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(),
          "bigint"};
}

std::optional<SequenceBoundsRefusal> sequence_bounds_refusal(
    const pairing::SequenceOptions& s, const lint::NodeList& written, const lint::ParsedFile& file,
    const lint::Statement& statement, const std::string& sequence, bool restart) {
  auto value = [](std::int64_t number) {
    std::string text = " (";
    text += std::to_string(number);
    text += ")";
    return text;
  };
  auto written_number = [&](std::string_view name) -> std::optional<std::int64_t> {
    std::optional<std::int64_t> number;
    for (lint::Node option : written) {
      if (option.str("defname") == name && option.has("arg")) {
        number = pairing::sequence_option_number(option, file, statement);
      }
    }
    return number;
  };
  if (written_number("increment") == 0) {
    return SequenceBoundsRefusal{sequence + " would have INCREMENT BY 0",
                                 "INCREMENT must not be zero",
                                 "give a positive INCREMENT (or a negative one, to count down)"};
  }
  if (s.type) {
    SequenceType type = sequence_type(*s.type);
    for (bool max : {true, false}) {
      const std::optional<std::int64_t>& bound = max ? s.maxvalue : s.minvalue;
      if (!bound || (*bound >= type.min && *bound <= type.max)) continue;
      std::string word = max ? "MAXVALUE" : "MINVALUE";
      return SequenceBoundsRefusal{sequence + " would have " + word + " " + std::to_string(*bound) +
                                       ", out of the range of " + std::string(type.name),
                                   word + value(*bound) +
                                       " is out of range for sequence data type " +
                                       std::string(type.name),
                                   "give a " + word + " from " + std::to_string(type.min) + " to " +
                                       std::to_string(type.max) + ", or a larger type (AS bigint)"};
    }
  }
  std::optional<SequenceBoundsRefusal> refusal;
  if (s.minvalue && s.maxvalue) {
    std::string range =
        "MINVALUE " + std::to_string(*s.minvalue) + " and MAXVALUE " + std::to_string(*s.maxvalue);
    if (*s.minvalue >= *s.maxvalue) {
      return SequenceBoundsRefusal{
          sequence + " would have " + range,
          "MINVALUE" + value(*s.minvalue) + " must be less than MAXVALUE" + value(*s.maxvalue),
          "give a MINVALUE below the MAXVALUE"};
    }
    auto outside = [&](const std::string& word,
                       std::int64_t number) -> std::optional<SequenceBoundsRefusal> {
      if (number >= *s.minvalue && number <= *s.maxvalue) return std::nullopt;
      bool above = number > *s.maxvalue;
      return SequenceBoundsRefusal{
          sequence + " would have " + range + " and " + word + " " + std::to_string(number),
          word + " value" + value(number) + " cannot be " +
              (above ? "greater than MAXVALUE" + value(*s.maxvalue)
                     : "less than MINVALUE" + value(*s.minvalue)),
          "give a " + word + " from " + std::to_string(*s.minvalue) + " to " +
              std::to_string(*s.maxvalue) + ", or move " + (above ? "MAXVALUE" : "MINVALUE") +
              " in the same statement"};
    };
    if (s.start) refusal = outside("START", *s.start);
    if (!refusal && restart) {
      for (lint::Node option : written) {
        if (option.str("defname") != "restart") continue;
        std::optional<std::int64_t> to =
            option.has("arg") ? pairing::sequence_option_number(option, file, statement) : s.start;
        if (to) refusal = outside("RESTART", *to);
      }
    }
    if (refusal) return refusal;
  }
  if (std::optional<std::int64_t> cache = written_number("cache"); cache && *cache <= 0) {
    return SequenceBoundsRefusal{sequence + " would have CACHE " + std::to_string(*cache),
                                 "CACHE" + value(*cache) + " must be greater than zero",
                                 "give a CACHE of 1 or more (1: no values cached)"};
  }
  return std::nullopt;
}

}  // namespace sqlgate::rules
