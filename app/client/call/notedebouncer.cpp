#include "client/call/notedebouncer.h"

namespace callos::client {

NoteDebouncer::NoteDebouncer(Save save, int delayMs, QObject *parent) : QObject(parent), m_save(std::move(save))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &NoteDebouncer::flush);
}

// Deliberately no flush here: at destruction the objects a save reaches may
// already be half torn down. Owners flush at defined moments instead
// (navigation, ending the call, closing the window).
NoteDebouncer::~NoteDebouncer() = default;

void NoteDebouncer::edit(const QString &key, const QString &text)
{
    // Typing moved to another note: save the previous one at once.
    if (m_pending && key != m_key)
        flush();
    m_key = key;
    m_text = text;
    m_pending = true;
    m_timer.start();
}

void NoteDebouncer::flush()
{
    m_timer.stop();
    if (!m_pending)
        return;
    m_pending = false;
    m_save(m_key, m_text);
}

} // namespace callos::client
