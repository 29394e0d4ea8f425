#include "storage/sqlscript.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

QStringList SqlScript::split(const QString &script)
{
    static const QRegularExpression triggerStart(
        u"^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dollarTag(u"\\$[A-Za-z_0-9]*\\$"_s);

    QStringList statements;
    QString current;
    // BEGIN/CASE open and END closes a block inside a SQLite trigger; its
    // inner ";" do not end the statement.
    int blockDepth = 0;
    QString word;

    const auto endWord = [&]() {
        if (word.isEmpty())
            return;
        const QString upper = word.toUpper();
        if (triggerStart.match(current).hasMatch()) {
            if (upper == u"BEGIN"_s || upper == u"CASE"_s)
                ++blockDepth;
            else if (upper == u"END"_s && blockDepth > 0)
                --blockDepth;
        }
        word.clear();
    };
    const auto finishStatement = [&]() {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements.append(statement);
        current.clear();
        blockDepth = 0;
    };

    const qsizetype size = script.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < size ? script.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') { // line comment
            endWord();
            while (i < size && script.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && next == u'*') { // block comment
            endWord();
            const qsizetype close = script.indexOf(u"*/"_s, i + 2);
            i = close < 0 ? size : close + 2;
            current.append(u' ');
            continue;
        }
        if (c == u'\'' || c == u'"') { // quoted text or identifier; '' escapes
            endWord();
            qsizetype j = i + 1;
            while (j < size) {
                if (script.at(j) == c) {
                    if (j + 1 < size && script.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            current.append(QStringView(script).mid(i, qMin(j + 1, size) - i));
            i = j + 1;
            continue;
        }
        if (c == u'$' && !isIdentifierChar(i > 0 ? script.at(i - 1) : QChar())) {
            const QRegularExpressionMatch tag = dollarTag.match(script, i, QRegularExpression::NormalMatch,
                QRegularExpression::AnchorAtOffsetMatchOption);
            if (tag.hasMatch()) { // PostgreSQL $tag$ ... $tag$
                endWord();
                const qsizetype close = script.indexOf(tag.captured(), i + tag.capturedLength());
                const qsizetype end = close < 0 ? size : close + tag.capturedLength();
                current.append(QStringView(script).mid(i, end - i));
                i = end;
                continue;
            }
        }
        if (isIdentifierChar(c)) {
            word.append(c);
            current.append(c);
            ++i;
            continue;
        }
        endWord();
        if (c == u';' && blockDepth == 0) {
            finishStatement();
            ++i;
            continue;
        }
        current.append(c);
        ++i;
    }
    endWord();
    finishStatement();
    return statements;
}

} // namespace callos::server
