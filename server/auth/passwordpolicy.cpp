#include "auth/passwordpolicy.h"

#include <QStringView>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Passwords of 12 characters or more that top breach lists (shorter ones
// are already refused by length). Compared without regard to case.
constexpr const char16_t *kCommonPasswords[] = {
    u"123456789012",
    u"1234567890123",
    u"12345678901234",
    u"123123123123",
    u"111111111111",
    u"000000000000",
    u"123456123456",
    u"password1234",
    u"password12345",
    u"password123!",
    u"passwordpassword",
    u"passw0rd1234",
    u"qwerty123456",
    u"qwertyuiop12",
    u"qwertyuiop123",
    u"qwertyuiopasdf",
    u"1q2w3e4r5t6y",
    u"1qaz2wsx3edc",
    u"abcdefghijkl",
    u"abc123abc123",
    u"iloveyou1234",
    u"letmein12345",
    u"welcome12345",
    u"welcome123456",
    u"changeme1234",
    u"administrator",
    u"administrator1",
    u"adminadmin123",
    u"trustno1trustno1",
    u"superman1234",
    u"football1234",
    u"baseball1234",
    u"monkey123456",
    u"sunshine1234",
    u"princess1234",
    u"dragon123456",
    u"correcthorsebatterystaple",
    u"callos123456",
    u"callospassword",
};

} // namespace

std::optional<Refusal> PasswordPolicy::check(const QString &password)
{
    // Characters as people count them, not UTF-16 units.
    const qsizetype length = password.toUcs4().size();
    if (length < kMinimumLength)
        return Refusal{ u"auth.password_too_short"_s,
            tr("The password is too short: it needs at least %1 characters.").arg(kMinimumLength) };
    for (const char16_t *common : kCommonPasswords) {
        if (QStringView(password).compare(QStringView(common), Qt::CaseInsensitive) == 0)
            return Refusal{ u"auth.password_common"_s,
                tr("The password is one of the most common passwords; choose another.") };
    }
    return std::nullopt;
}

} // namespace callos::server
