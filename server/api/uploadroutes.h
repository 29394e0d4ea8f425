#pragma once

#include "http/httpexchange.h"

#include <QCoreApplication>

namespace callos::server {

class AuditLog;
class CallRepository;
class Database;
class HttpRouter;
class JobQueue;
class Recordings;
struct RecordingRow;
class UploadedParts;

// A recording made elsewhere, uploaded from the desktop in chunks, so a
// long file gets a progress bar and a dropped connection goes on where it
// stopped:
//   POST /api/v1/calls/{id}/recording-uploads {upload_key, file_name,
//     size_bytes, started_at?} -> 201 {recording_id, received_bytes,
//     size_bytes, chunk_bytes, complete}; the same upload_key again -> 200
//     where that upload stands. Needs the prospect's consent (409
//     recording.no_consent).
//   PUT /api/v1/recordings/{id}/upload?offset=N, the next chunk
//     (application/octet-stream, at most chunk_bytes) -> 200 {...}; a chunk
//     had already -> 200 as it stands; another offset -> 409
//     upload.offset_mismatch with received_bytes. The last chunk queues the
//     recording.upload job (stored, then transcribed as any recording) and is
//     audited (recording.uploaded).
//   GET /api/v1/recordings/{id}/upload -> 200 {...}: where to go on.
// The recording is a `recordings` row (source "upload", pending until
// stored); its bytes grow in the staging folder (UploadedParts).
class UploadRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::UploadRoutes)

public:
    static constexpr qint64 kChunkBytes = 4 * 1024 * 1024;
    static constexpr qint64 kMaxFileBytes = 2LL * 1024 * 1024 * 1024;

    struct Parts
    {
        Database &database;
        CallRepository &calls;
        Recordings &recordings;
        UploadedParts &parts;
        JobQueue &jobs;
        AuditLog &audit;
    };

    explicit UploadRoutes(Parts parts);

    void addTo(HttpRouter &router);

private:
    ApiAnswer begin(HttpExchange &exchange);
    ApiAnswer putChunk(HttpExchange &exchange);
    ApiAnswer status(HttpExchange &exchange);
    QJsonObject progressOf(const RecordingRow &recording) const;
    QJsonObject progressOf(const QString &recordingId, qint64 sizeBytes, qint64 received) const;

    Parts m_parts;
};

} // namespace callos::server
