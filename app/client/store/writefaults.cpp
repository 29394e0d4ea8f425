#include "client/store/writefaults.h"

namespace callos::client {

bool WriteFaults::nextWriteFails()
{
    ++m_writes;
    if (m_writes != m_failAt)
        return false;
    ++m_failures;
    return true;
}

} // namespace callos::client
