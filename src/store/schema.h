// The store's schema, as an ordered list of migrations.
//
// Migration N brings a database from user_version N-1 to N. Migrations are append-only: once
// released, a migration's SQL never changes; a later change is a new migration.
#pragma once

#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::store {

// The schema version this build writes.
int CurrentSchemaVersion();

// Applies every migration the database lacks, each in its own transaction. A database written by
// a newer oscm (user_version > CurrentSchemaVersion()) is refused with kUnsupported.
Status Migrate(SqliteDb& db);

}  // namespace oscm::store
