#pragma once

#include "common/idgenerator.h"

namespace callos::test {

// Predictable ids ("id-1", "id-2", ...) so tests can name events.
class SequentialIds final : public IdGenerator
{
public:
    QString nextId() override { return QStringLiteral("id-%1").arg(++m_next); }

private:
    int m_next = 0;
};

} // namespace callos::test
