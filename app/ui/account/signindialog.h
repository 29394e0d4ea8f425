#pragma once

#include "client/account/account.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace callos::ui {

// Signs the agent in to their team's CallOS server: server address, e-mail,
// password, and the authenticator code once the server asks for it
// (auth.mfa_required). What went wrong is shown in words under the form, as
// the server said it. Keyboard first: Enter signs in, Esc cancels. Closes
// itself once the account is signed in.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(client::Account &account, QWidget *parent = nullptr);

    QString errorText() const;
    bool codeShown() const;

private:
    void submit();
    void showFailure(const Refusal &refusal);
    void setBusy(bool busy);
    void showCode();

    client::Account &m_account;
    QFormLayout *m_form;
    QLabel *m_notice;
    QLineEdit *m_server;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLabel *m_codeLabel;
    QLineEdit *m_code;
    QLabel *m_error;
    QPushButton *m_signIn;
};

} // namespace callos::ui
