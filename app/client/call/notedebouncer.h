#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace callos::client {

// Collects keystrokes in a notes box and saves the text once typing pauses
// (at most `delayMs` after the last change), so a crash loses at most that
// much typing while the store is not hit on every key.
class NoteDebouncer : public QObject
{
    Q_OBJECT

public:
    using Save = std::function<void(const QString &key, const QString &text)>;

    NoteDebouncer(Save save, int delayMs = 250, QObject *parent = nullptr);
    ~NoteDebouncer() override;

    // `key` says whose note it is (a milestone id, a diagnostic question id).
    void edit(const QString &key, const QString &text);
    // Saves what is pending now (before navigating away or closing).
    void flush();
    bool hasPending() const { return m_pending; }

private:
    Save m_save;
    QTimer m_timer;
    QString m_key;
    QString m_text;
    bool m_pending = false;
};

} // namespace callos::client
