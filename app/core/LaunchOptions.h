#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// What this run was asked to do: from the command line and the environment. Overrides apply to this
// run only and are never written to the settings.
struct LaunchOptions
{
    bool demo = false;
    QString baseUrlOverride; // --base-url or YUANJING_BASE_URL
    QString apiKeyOverride;  // YUANJING_API_KEY (never accepted on the command line: it would show in ps)
    QString configDir;       // YUANJING_CONFIG_DIR, else the platform's config location
    QString dataDir;         // YUANJING_DATA_DIR, else the platform's data location
    bool useKeychain = true; // false in tests and with YUANJING_NO_KEYCHAIN=1
    QString error;           // a bad override, shown to the user

    // Reads the environment only; the front ends add their own command-line options on top.
    static LaunchOptions fromEnvironment(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // Validates baseUrlOverride; fills error when it is unusable.
    bool validate();
    QString resolvedConfigDir() const;
    QString resolvedDataDir() const;
};
