#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace callos::server {

// The canonical form of a JSON text that Attendee signs its webhooks over:
// what Python's json.dumps(payload, sort_keys=True, ensure_ascii=False,
// separators=(",", ":")) writes for the payload the text holds. Attendee
// posts the payload spaced and in its own key order, and signs this form,
// so the receiver must rebuild it byte for byte from what arrived:
// - object keys sorted by code point (Python's str order), no whitespace;
//   of a key given twice the last value counts, as json.loads keeps it;
// - strings as UTF-8, escaping only '"', '\\', \b \f \n \r \t and the other
//   control characters (as \u00xx, lower-case hex);
// - integers as their digits ("-0" is 0); other numbers as Python's repr of
//   the double (shortest round trip, "1e-05", "100.0", "1e+16");
// - true, false, null as they are.
// Anything that is not strict JSON (RFC 8259) in valid UTF-8 is refused:
// NaN, a lone surrogate, trailing bytes, nesting deeper than kMaxDepth.
class CanonicalJson
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::CanonicalJson)

public:
    static constexpr int kMaxDepth = 64;

    // The canonical bytes, or a refusal "json.invalid" that says where the
    // text stops being JSON.
    static Result<QByteArray> of(const QByteArray &text);
    // A double as Python's repr() writes it.
    static QByteArray pythonFloat(double value);
};

} // namespace callos::server
