#pragma once

#include <QtGlobal>

namespace callos::client {

// The test seam of the store's write paths. Every write statement and every
// COMMIT the store issues is counted here; the one numbered `failWrite(n)`
// fails, its transaction is rolled back for real, and the caller gets the
// Refusal it would get from a full disk. Production passes no WriteFaults.
class WriteFaults
{
public:
    // The write numbered `n` (1-based, counted over the life of this object)
    // will fail; `n <= writes()` or `n <= 0` disarms.
    void failWrite(int n) { m_failAt = n; }
    // Arms a failure of the next write.
    void failNextWrite() { m_failAt = m_writes + 1; }
    void clear() { m_failAt = 0; }

    // The writes counted so far (failed ones included).
    int writes() const { return m_writes; }
    int failures() const { return m_failures; }

    // Called by the store for each write; true means: make this one fail.
    bool nextWriteFails();

private:
    int m_writes = 0;
    int m_failAt = 0;
    int m_failures = 0;
};

} // namespace callos::client
