#include "ui/common/shortcuts.h"

#include <QShortcut>
#include <QWidget>

namespace callos::ui {

void bindKeys(QWidget *owner, const QList<QKeySequence> &keys, const std::function<void()> &action,
              Qt::ShortcutContext context)
{
    for (const QKeySequence &key : keys) {
        auto *shortcut = new QShortcut(key, owner, nullptr, nullptr, context);
        QObject::connect(shortcut, &QShortcut::activated, owner, action);
    }
}

QList<QKeySequence> confirmKeys()
{
    return {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)};
}

} // namespace callos::ui
