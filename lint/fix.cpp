#include "lint/fix.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "lint/sql.h"

namespace sqlgate::lint {

namespace fs = std::filesystem;

std::string apply_edits(std::string_view text, std::vector<Edit> edits, std::size_t* skipped) {
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.range.begin < b.range.begin ||
           (a.range.begin == b.range.begin && a.range.end < b.range.end);
  });
  // Keep the first of overlapping edits; identical edits (two findings, one fix) count once.
  std::vector<Edit> taken;
  std::size_t dropped = 0;
  for (auto& edit : edits) {
    if (edit.range.end < edit.range.begin || edit.range.end > text.size()) {
      ++dropped;
      continue;
    }
    if (!taken.empty()) {
      const Edit& last = taken.back();
      if (last == edit) continue;
      bool overlaps = edit.range.begin < last.range.end ||
                      (edit.range.begin == last.range.begin && last.range.begin == last.range.end &&
                       edit.range.begin == edit.range.end);
      if (overlaps) {
        ++dropped;
        continue;
      }
    }
    taken.push_back(std::move(edit));
  }
  if (skipped) *skipped = dropped;
  std::string result(text);
  for (auto it = taken.rbegin(); it != taken.rend(); ++it) {
    result.replace(it->range.begin, it->range.end - it->range.begin, it->text);
  }
  return result;
}

namespace {

// Two edits that apply_edits() could not both take.
bool conflict(const Edit& a, const Edit& b) {
  if (a == b) return false;
  if (a.range.begin < b.range.end && b.range.begin < a.range.end) return true;
  return a.range.begin == a.range.end && b.range.begin == b.range.end &&
         a.range.begin == b.range.begin;
}

struct Candidate {
  const Diagnostic* diagnostic;
  std::uint32_t first = 0;  // the lowest offset its edits touch
};

std::string rejection_key(const Diagnostic& d, const std::string& target) {
  return target + '\0' + d.rule + '\0' + d.message + '\0' + d.fix->title;
}

// Whether a text parses as well as the file did: no syntax error, no more DO-block errors.
struct ParseCheck {
  bool parsed = true;
  std::size_t block_errors = 0;
};

ParseCheck check_parse(const SourceFile& like, std::string text) {
  SourceFile source;
  source.path = like.path;
  source.display = like.display;
  source.text = std::move(text);
  source.is_sql = true;
  auto parsed = ParsedFile::parse(source);
  return ParseCheck{!parsed->error().has_value(), parsed->block_errors().size()};
}

bool keeps_parsing(const SourceFile& file, const ParseCheck& before, const std::string& text) {
  ParseCheck after = check_parse(file, text);
  return after.parsed && after.block_errors <= before.block_errors;
}

std::vector<Edit> edits_of(const std::vector<Candidate>& candidates) {
  std::vector<Edit> edits;
  for (const auto& c : candidates) {
    edits.insert(edits.end(), c.diagnostic->fix->edits.begin(), c.diagnostic->fix->edits.end());
  }
  return edits;
}

}  // namespace

FixOutcome fix_set(const MigrationSet& set, const RuleSet& rules, const LintOptions& options,
                   const FixOptions& fix_options) {
  FixOutcome outcome;
  outcome.set = set;
  std::set<std::string> rejected_keys;

  for (unsigned round = 0;; ++round) {
    outcome.result = lint(outcome.set, rules, options);
    bool has_fixes = std::any_of(
        outcome.result.diagnostics.begin(), outcome.result.diagnostics.end(),
        [&](const Diagnostic& d) { return d.fix && (d.fix->safe || fix_options.unsafe); });
    if (round == fix_options.max_passes) {
      outcome.settled = !has_fixes;
      break;
    }
    if (!has_fixes) break;

    // The fixes of this round, by the file they change.
    std::map<std::string, std::vector<Candidate>> by_target;
    for (const auto& d : outcome.result.diagnostics) {
      if (!d.fix || !(d.fix->safe || fix_options.unsafe) || d.fix->edits.empty()) continue;
      const std::string& target = d.fix->file.empty() ? d.file : d.fix->file;
      if (rejected_keys.contains(rejection_key(d, target))) continue;
      std::uint32_t first = d.fix->edits.front().range.begin;
      for (const auto& edit : d.fix->edits) first = std::min(first, edit.range.begin);
      by_target[target].push_back(Candidate{&d, first});
    }

    auto reject = [&](const Diagnostic& d, const std::string& target, std::string reason) {
      rejected_keys.insert(rejection_key(d, target));
      outcome.rejected.push_back(
          RejectedFix{d.file, d.start, d.rule, d.fix->title, std::move(reason)});
    };

    bool changed = false;
    std::vector<SourceFile> created;
    for (auto& [target, candidates] : by_target) {
      auto at = outcome.set.find(target);
      SourceFile* file = at >= 0 ? &outcome.set.files[static_cast<std::size_t>(at)] : nullptr;
      SourceFile fresh;
      if (file == nullptr) {
        fresh.path = fs::path(target);
        fresh.display = target;
        classify(fresh);
        file = &fresh;
      }
      if (file->read_error) continue;
      const std::string& text = file->text;
      ParseCheck before = check_parse(*file, text);

      std::stable_sort(candidates.begin(), candidates.end(),
                       [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
      std::vector<Candidate> accepted;
      std::vector<Edit> taken;
      for (const auto& candidate : candidates) {
        const Diagnostic& d = *candidate.diagnostic;
        const auto& edits = d.fix->edits;
        bool outside = std::any_of(edits.begin(), edits.end(), [&](const Edit& e) {
          return e.range.end < e.range.begin || e.range.end > text.size();
        });
        bool self_overlap = false;
        for (std::size_t i = 0; i < edits.size() && !self_overlap; ++i) {
          for (std::size_t j = i + 1; j < edits.size() && !self_overlap; ++j) {
            self_overlap = conflict(edits[i], edits[j]) || edits[i] == edits[j];
          }
        }
        if (outside || self_overlap) {
          reject(d, target, outside ? "its edits reach outside the file" : "its edits overlap");
          continue;
        }
        // A fix that collides with one taken this round waits for the next round.
        bool collides = std::any_of(edits.begin(), edits.end(), [&](const Edit& e) {
          return std::any_of(taken.begin(), taken.end(),
                             [&](const Edit& t) { return conflict(e, t); });
        });
        if (collides) continue;
        accepted.push_back(candidate);
        taken.insert(taken.end(), edits.begin(), edits.end());
      }
      if (accepted.empty()) continue;
      if (!before.parsed) {
        for (const auto& c : accepted) reject(*c.diagnostic, target, "the file does not parse");
        continue;
      }

      std::string after = apply_edits(text, edits_of(accepted));
      if (!keeps_parsing(*file, before, after)) {
        // Find the fixes that break it: take them one at a time, keeping those that parse.
        std::vector<Candidate> good;
        for (const auto& c : accepted) {
          std::vector<Candidate> trial = good;
          trial.push_back(c);
          if (keeps_parsing(*file, before, apply_edits(text, edits_of(trial)))) {
            good = std::move(trial);
          } else {
            reject(*c.diagnostic, target, "it would leave the file unparseable");
          }
        }
        accepted = std::move(good);
        after = apply_edits(text, edits_of(accepted));
      }
      if (after == text && file != &fresh) continue;
      for (const auto& c : accepted) {
        const Diagnostic& d = *c.diagnostic;
        outcome.applied.push_back(AppliedFix{d.file, d.start, d.rule, d.fix->title, d.fix->safe});
      }
      changed = true;
      if (file == &fresh) {
        fresh.text = std::move(after);
        created.push_back(std::move(fresh));
      } else {
        file->text = std::move(after);
      }
    }
    if (!changed) break;
    ++outcome.passes;
    if (!created.empty()) {
      std::vector<SourceFile> files = std::move(outcome.set.files);
      for (auto& file : created) files.push_back(std::move(file));
      auto warnings = std::move(outcome.set.warnings);
      outcome.set = make_set(std::move(files));
      outcome.set.warnings = std::move(warnings);
    }
  }

  if (!fix_options.unsafe) {
    outcome.unsafe_available = static_cast<std::size_t>(
        std::count_if(outcome.result.diagnostics.begin(), outcome.result.diagnostics.end(),
                      [](const Diagnostic& d) { return d.fix && !d.fix->safe; }));
  }
  for (const auto& file : outcome.set.files) {
    auto at = set.find(file.display);
    if (at < 0) {
      outcome.changes.push_back(FileChange{file.path, file.display, {}, file.text, true});
    } else if (set.files[static_cast<std::size_t>(at)].text != file.text) {
      outcome.changes.push_back(FileChange{
          file.path, file.display, set.files[static_cast<std::size_t>(at)].text, file.text, false});
    }
  }
  return outcome;
}

void write_changes(const std::vector<FileChange>& changes) {
  for (const auto& change : changes) {
    std::error_code ec;
    if (change.created && change.path.has_parent_path()) {
      fs::create_directories(change.path.parent_path(), ec);
    }
    fs::path temporary = change.path;
    temporary += ".sqlgate-fix";
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      out.write(change.after.data(), static_cast<std::streamsize>(change.after.size()));
      out.close();
      if (!out) {
        fs::remove(temporary, ec);
        throw FixError("cannot write " + change.display);
      }
    }
    if (!change.created) {
      auto status = fs::status(change.path, ec);
      if (!ec) fs::permissions(temporary, status.permissions(), ec);
    }
    fs::rename(temporary, change.path, ec);
    if (ec) {
      std::string reason = ec.message();
      fs::remove(temporary, ec);
      throw FixError("cannot replace " + change.display + ": " + reason);
    }
  }
}

}  // namespace sqlgate::lint
