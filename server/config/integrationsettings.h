#pragma once

#include "analysis/claudeclient.h"
#include "recording/s3settings.h"
#include "transcription/assemblyaiclient.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

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

    ZoomSettings zoom;
    // Without a key: offline transcription (pocketsphinx).
    AssemblyAiSettings assemblyAi;
    // Without a key: the rule-based analyzer.
    ClaudeSettings claude;
    // Without a bucket: recordings on the local disk. Read and checked by
    // S3Settings::fromEnvironment (CommandLine refuses a half-set one), not
    // by fromEnvironment below.
    S3Settings s3;
    // Where external services reach this server (https://callos.example.com),
    // for AssemblyAI's webhook. Empty: transcripts are polled for.
    QString publicUrl;

    bool hasAssemblyAi() const { return !assemblyAi.apiKey.isEmpty(); }
    bool hasClaude() const { return !claude.apiKey.isEmpty(); }
    // The value AssemblyAI's webhook carries in its auth header: derived
    // from the API key, so it survives restarts and needs no setting of
    // its own, and nobody without the key can forge it.
    QByteArray assemblyAiWebhookSecret() const;

    static IntegrationSettings fromEnvironment(const QProcessEnvironment &environment);
};

} // namespace callos::server
