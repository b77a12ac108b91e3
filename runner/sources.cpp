#include "runner/sources.h"

#include <stdexcept>

namespace sqlgate::runner {

SourceSpec parse_source_spec(std::string_view text) {
  auto equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 == text.size()) {
    throw std::invalid_argument("--source wants NAME=DIR, got '" + std::string(text) + "'");
  }
  return SourceSpec{std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
}

const lint::SourceFile* LoadedSource::up(const MigrationPair& pair) const {
  return pair.up < 0 ? nullptr : &set.files[static_cast<std::size_t>(pair.up)];
}

const lint::SourceFile* LoadedSource::down(const MigrationPair& pair) const {
  return pair.down < 0 ? nullptr : &set.files[static_cast<std::size_t>(pair.down)];
}

std::string LoadedSource::label(const MigrationPair& pair) const {
  std::string label = pair.version.raw() + "_" + pair.name;
  return name.empty() ? label : name + "/" + label;
}

LoadedSource load_source(const SourceSpec& spec) {
  LoadedSource source;
  source.name = spec.name;
  source.set = lint::discover({spec.dir}, lint::DiscoverOptions{false});
  source.warnings = source.set.warnings;
  if (std::string warning = source.set.not_applied_warning(); !warning.empty()) {
    source.warnings.push_back(spec.dir + ": " + warning);
  }
  if (!source.set.errors.empty()) {
    throw lint::SourceError("cannot read " + source.set.errors.front());
  }
  const auto& files = source.set.files;
  for (std::size_t index : source.set.migrations()) {
    const lint::SourceFile& file = files[index];
    const lint::Migration& migration = *file.migration;
    if (file.read_error) {
      throw lint::SourceError("cannot read " + file.display + ": " + *file.read_error);
    }
    auto same_version = [&](const MigrationPair& pair) {
      return pair.version == migration.version;
    };
    MigrationPair* pair = nullptr;
    if (!source.migrations.empty() && same_version(source.migrations.back())) {
      pair = &source.migrations.back();
    }
    auto i = static_cast<std::ptrdiff_t>(index);
    if (migration.direction == lint::Direction::up) {
      if (pair != nullptr && pair->up >= 0) {
        throw lint::SourceError("two up migrations have version " + migration.version.raw() + ": " +
                                files[static_cast<std::size_t>(pair->up)].display + " and " +
                                file.display);
      }
      if (pair == nullptr) {
        source.migrations.push_back(MigrationPair{migration.version, migration.name});
        pair = &source.migrations.back();
      }
      pair->up = i;
      pair->name = migration.name;
    } else {
      if (pair != nullptr && pair->down >= 0) {
        throw lint::SourceError("two down migrations have version " + migration.version.raw() +
                                ": " + files[static_cast<std::size_t>(pair->down)].display +
                                " and " + file.display);
      }
      if (pair == nullptr) {
        source.warnings.push_back(file.display + ": a down migration without an up is ignored");
        continue;
      }
      pair->down = i;
    }
  }
  return source;
}

}  // namespace sqlgate::runner
