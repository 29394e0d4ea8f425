#include "text/texttemplate.h"

#include "json/jsonobjectreader.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace callos {
namespace {

constexpr QStringView kOpen = u"{{";
constexpr QStringView kClose = u"}}";

// Calls `onPlaceholder(start, end, name)` for each well-formed placeholder and
// `onProblem(message)` for each malformed one.
template<typename OnPlaceholder, typename OnProblem>
void scan(const QString &text, OnPlaceholder onPlaceholder, OnProblem onProblem)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text.indexOf(kOpen, from);
        if (open < 0)
            return;
        const qsizetype close = text.indexOf(kClose, open + kOpen.size());
        if (close < 0) {
            onProblem(QCoreApplication::translate("callos::TextTemplate", "unclosed '{{' at character %1").arg(open + 1));
            return;
        }
        const QString name = text.mid(open + kOpen.size(), close - open - kOpen.size()).trimmed();
        if (name.isEmpty())
            onProblem(QCoreApplication::translate("callos::TextTemplate", "empty placeholder at character %1").arg(open + 1));
        else if (!JsonObjectReader::isIdentifier(name))
            onProblem(QCoreApplication::translate("callos::TextTemplate", "placeholder '%1' is not a field id").arg(name));
        else
            onPlaceholder(open, close + kClose.size(), name);
        from = close + kClose.size();
    }
}

} // namespace

QStringList TextTemplate::placeholders(const QString &text, QStringList *problems)
{
    QStringList names;
    scan(
        text, [&](qsizetype, qsizetype, const QString &name) { names.append(name); },
        [&](const QString &problem) {
            if (problems)
                problems->append(problem);
        });
    return names;
}

QString TextTemplate::render(const QString &text, const std::function<QString(const QString &)> &valueOf)
{
    QString out;
    out.reserve(text.size());
    qsizetype copied = 0;
    scan(
        text,
        [&](qsizetype start, qsizetype end, const QString &name) {
            out += QStringView(text).mid(copied, start - copied);
            out += valueOf(name);
            copied = end;
        },
        [](const QString &) {});
    out += QStringView(text).mid(copied);
    return out;
}

} // namespace callos
