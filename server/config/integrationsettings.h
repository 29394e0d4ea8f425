#pragma once

#include "analysis/claudeclient.h"
#include "meetingbot/attendeebotservice.h"
#include "recording/s3settings.h"
#include "transcription/assemblyaiclient.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace callos::server {

// The external services' settings. Secrets come only from the environment
// (never from the command line, which every user of the machine can read
// in the process list, and never from a settings file); an unset secret
// turns its service off, and the work runs offline instead.
struct ZoomSettings
{
    static constexpr auto kWebhookSecretVariable = "CALLOS_ZOOM_WEBHOOK_SECRET";

    // The Zoom app's "secret token", which signs its webhooks. Empty: the
    // webhook answers 503 and stores nothing.
    QByteArray webhookSecret;
};

struct IntegrationSettings
{
    static constexpr auto kPublicUrlVariable = "CALLOS_PUBLIC_URL";
    static constexpr auto kAssemblyAiKeyVariable = "CALLOS_ASSEMBLYAI_API_KEY";
    static constexpr auto kAssemblyAiUrlVariable = "CALLOS_ASSEMBLYAI_BASE_URL";
    static constexpr auto kClaudeKeyVariable = "CALLOS_ANTHROPIC_API_KEY";
    static constexpr auto kClaudeUrlVariable = "CALLOS_ANTHROPIC_BASE_URL";
    static constexpr auto kClaudeModelVariable = "CALLOS_CLAUDE_MODEL";
    static constexpr auto kAttendeeKeyVariable = "CALLOS_ATTENDEE_API_KEY";
    static constexpr auto kAttendeeUrlVariable = "CALLOS_ATTENDEE_BASE_URL";
    static constexpr auto kAttendeeSecretVariable = "CALLOS_ATTENDEE_WEBHOOK_SECRET";

    ZoomSettings zoom;
    // Without a key: offline transcription (pocketsphinx).
    AssemblyAiSettings assemblyAi;
    // Without a key: the rule-based analyzer.
    ClaudeSettings claude;
    // The meeting bot that records calls held in Zoom (integrations page,
    // "Meeting bot"). Without a key, no bots are sent.
    AttendeeSettings attendee;
    // Without a bucket: recordings on the local disk. Read and checked by
    // S3Settings::fromEnvironment (CommandLine refuses a half-set one), not
    // by fromEnvironment below.
    S3Settings s3;
    // Where external services reach this server (https://callos.example.com),
    // for AssemblyAI's and the meeting bot's webhooks. Empty: transcripts
    // are polled for, and no bots are sent.
    QString publicUrl;

    bool hasAssemblyAi() const { return !assemblyAi.apiKey.isEmpty(); }
    bool hasClaude() const { return !claude.apiKey.isEmpty(); }
    // Bots are sent: there is an Attendee key, a webhook secret that is
    // base64, and a public address for the bot's webhook. Any of them
    // alone sends nothing (meetingBotWarnings says what is missing).
    bool hasMeetingBot() const;
    // The webhook secret's bytes, when it is set and base64.
    std::optional<QByteArray> attendeeWebhookSecret() const;
    // Where Attendee posts the bot's states.
    QString meetingBotWebhookUrl() const;
    // For the log at start: what keeps the meeting bot from working, or
    // where it may fail; never a secret.
    QStringList meetingBotWarnings() const;
    // The value AssemblyAI's webhook carries in its auth header: derived
    // from the API key, so it survives restarts and needs no setting of
    // its own, and nobody without the key can forge it.
    QByteArray assemblyAiWebhookSecret() const;

    static IntegrationSettings fromEnvironment(const QProcessEnvironment &environment);
};

} // namespace callos::server
