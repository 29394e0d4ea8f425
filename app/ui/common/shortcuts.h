#pragma once

#include <QKeySequence>
#include <QList>

#include <functional>

class QWidget;

namespace callos::ui {

// Binds keys to an action while `owner` is visible in its window. The action
// runs at once: a button's own shortcut would first animate a 100 ms click.
void bindKeys(QWidget *owner, const QList<QKeySequence> &keys, const std::function<void()> &action,
              Qt::ShortcutContext context = Qt::WindowShortcut);

// Ctrl+Return and Ctrl+Enter (keypad): "do the main thing on this screen".
QList<QKeySequence> confirmKeys();

} // namespace callos::ui
