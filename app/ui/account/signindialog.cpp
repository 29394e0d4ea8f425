#include "ui/account/signindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

SignInDialog::SignInDialog(client::Account &account, QWidget *parent) : QDialog(parent), m_account(account)
{
    setObjectName(u"signInDialog"_s);
    setWindowTitle(tr("Sign in to CallOS"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    // The dialog grows with what it shows (the code row, a long error)
    // instead of squeezing the fields.
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    auto *title = new QLabel(tr("Sign in to your team's server"), this);
    title->setProperty("role", u"title"_s);
    layout->addWidget(title);
    auto *intro = new QLabel(tr("Your calls stay on this computer and are sent to the server whenever it can be "
                                "reached. Signing in or out never deletes anything here."),
        this);
    intro->setProperty("role", u"subtitle"_s);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_notice = new QLabel(this);
    m_notice->setObjectName(u"signInNotice"_s);
    m_notice->setProperty("role", u"verdict-fail"_s);
    m_notice->setWordWrap(true);
    if (account.state() == client::Account::State::SessionEnded) {
        m_notice->setText(tr("Your session ended (%1). Sign in again to go on syncing; everything on this computer "
                             "is kept.")
                              .arg(account.sessionEndedReason()));
    }
    m_notice->setVisible(!m_notice->text().isEmpty());
    layout->addWidget(m_notice);

    m_form = new QFormLayout;
    m_form->setLabelAlignment(Qt::AlignRight);
    m_server = new QLineEdit(account.profile().server, this);
    m_server->setObjectName(u"serverAddress"_s);
    m_server->setPlaceholderText(u"https://callos.example.com"_s);
    m_server->setMinimumWidth(380);
    m_email = new QLineEdit(account.profile().email, this);
    m_email->setObjectName(u"email"_s);
    m_email->setPlaceholderText(tr("you@example.com"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_code = new QLineEdit(this);
    m_code->setObjectName(u"totp"_s);
    m_code->setPlaceholderText(tr("6 digits, or a recovery code"));
    m_codeLabel = new QLabel(tr("Authenticator code"), this);
    m_form->addRow(tr("Server address"), m_server);
    m_form->addRow(tr("E-mail"), m_email);
    m_form->addRow(tr("Password"), m_password);
    m_form->addRow(m_codeLabel, m_code);
    m_codeLabel->hide();
    m_code->hide();
    layout->addLayout(m_form);

    m_error = new QLabel(this);
    m_error->setObjectName(u"signInError"_s);
    m_error->setProperty("role", u"refusal"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setProperty("role", u"primary"_s);
    m_signIn->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelSignIn"_s);
    // The default button takes Enter from every field; accepted() would
    // close the dialog before the server answered.
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(&account, &client::Account::signInFailed, this, &SignInDialog::showFailure);
    connect(&account, &client::Account::signedIn, this, &QDialog::accept);

    // The first empty field gets the cursor: usually the password.
    for (QLineEdit *field : { m_server, m_email, m_password }) {
        if (field->text().isEmpty()) {
            field->setFocus();
            break;
        }
    }
}

QString SignInDialog::errorText() const
{
    return m_error->text();
}

bool SignInDialog::codeShown() const
{
    return !m_code->isHidden();
}

void SignInDialog::submit()
{
    if (m_account.state() == client::Account::State::SigningIn)
        return;
    m_error->clear();
    m_error->hide();
    setBusy(true);
    m_account.signIn(client::SignInRequest {
        m_server->text(), m_email->text(), m_password->text(), codeShown() ? m_code->text() : QString() });
}

void SignInDialog::setBusy(bool busy)
{
    for (QLineEdit *field : { m_server, m_email, m_password, m_code })
        field->setEnabled(!busy);
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("Sign in"));
}

void SignInDialog::showCode()
{
    m_codeLabel->show();
    m_code->show();
    adjustSize();
}

void SignInDialog::showFailure(const Refusal &refusal)
{
    setBusy(false);
    QString message = refusal.message.isEmpty() ? tr("Signing in failed (%1).").arg(refusal.code) : refusal.message;
    // Not an error but the next step; the server's words for it name the
    // API's fields, so the agent gets the step in plain words.
    if (refusal.code == u"auth.mfa_required"_s)
        message = tr("This account uses two-step sign-in. Enter the 6-digit code from your authenticator app, or one "
                     "of your recovery codes.");
    m_error->setText(message);
    m_error->setProperty("role", refusal.code == u"auth.mfa_required"_s ? u"subtitle"_s : u"refusal"_s);
    m_error->style()->unpolish(m_error);
    m_error->style()->polish(m_error);
    adjustSize();
    m_error->show();
    QLineEdit *focus = m_password;
    if (refusal.code == u"auth.mfa_required"_s || refusal.code == u"auth.mfa_invalid"_s) {
        showCode();
        focus = m_code;
    } else if (refusal.code == u"account.invalid_server"_s || refusal.code.startsWith(u"net."_s)) {
        focus = m_server;
    } else if (refusal.code == u"account.email_required"_s) {
        focus = m_email;
    }
    focus->setFocus();
    focus->selectAll();
}

} // namespace callos::ui
