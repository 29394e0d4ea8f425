#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace callos::server {

// RFC 4648 base32 (A-Z, 2-7): the alphabet authenticator apps expect for
// TOTP secrets, because people can read it aloud and type it without
// confusing 0/O or 1/l.
//
// encode writes upper case without "=" padding (otpauth URIs and people
// typing a secret do without it). decode takes what people paste or type:
// any case, with spaces, tabs, line breaks and "=" anywhere ignored.
class Base32
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::Base32)

public:
    static QString encode(QByteArrayView bytes);

    // Refuses any other character, naming it and its position (counted from
    // 1, in characters as people count them), and a text whose length
    // cannot come from whole bytes (1, 3 or 6 symbols past a multiple of 8:
    // a character was dropped or added, and guessing which would be wrong).
    // Unused low bits of the last symbol are ignored, as RFC 4648 decoders
    // commonly do.
    static Result<QByteArray> decode(QStringView text);
};

} // namespace callos::server
