#pragma once

#include "core/LaunchOptions.h"

#include <QObject>
#include <QUrl>
#include <memory>

class AppSettings;
class CredentialStore;
class PlatformClient;
class PlatformSimulator;
class SecretBackend;
class Database;
class ConversationStore;
class UsageLedger;
class ChatSession;
class ChatModelCatalog;
class ModelCatalog;
class TaskStore;
class VideoSubmitter;
class PricingService;
class CostEstimator;
class TaskPoller;
class ResultDownloader;
class LibraryModel;
class BoardStore;
class AccountStatus;
class DataFolderOwner;
struct VideoTask;

// Everything the front ends stand on, wired together once: settings, the key, the client (pointed at the
// platform or, in demo mode, at the in-process simulator), the database and its stores.
class AppCore : public QObject
{
    Q_OBJECT
public:
    // keychain: the secret backend to try first (nullptr: the OS keychain where built, unless options
    // say not to). Ownership passes to the core.
    explicit AppCore(LaunchOptions options, SecretBackend *keychain = nullptr, QObject *parent = nullptr);
    ~AppCore() override;

    // Loads the key and opens the database; emits started() when done.
    void start();
    bool isStarted() const { return m_started; }
    QString startError() const { return m_startError; }

    bool isDemo() const { return m_demo; }
    // Starts the in-process simulator and points the client at it. No key is needed or sent.
    bool enableDemo();
    bool needsWelcome() const;
    QUrl effectiveBaseUrl() const;
    bool baseUrlOverridden() const { return !m_options.baseUrlOverride.isEmpty(); }
    // A short translated line for the status bar: which platform the app is talking to.
    QString endpointDescription() const;
    const LaunchOptions &options() const { return m_options; }

    AppSettings *settings() const { return m_settings; }
    CredentialStore *credentials() const { return m_credentials; }
    PlatformClient *client() const { return m_client; }
    PlatformSimulator *simulator() const { return m_simulator; }
    Database *database() const { return m_database.get(); }
    ConversationStore *conversations() const { return m_conversations; }
    UsageLedger *ledger() const { return m_ledger; }
    ChatSession *chat() const { return m_chat; }
    ChatModelCatalog *chatModels() const { return m_chatModels; }
    ModelCatalog *videoModels() const { return m_videoModels; }
    TaskStore *tasks() const { return m_tasks; }
    VideoSubmitter *videoSubmitter() const { return m_submitter; }
    PricingService *pricing() const { return m_pricing; }
    CostEstimator *costs() const { return m_costs; }
    TaskPoller *poller() const { return m_poller; }
    ResultDownloader *downloader() const { return m_downloader; }
    LibraryModel *library() const { return m_library; }
    BoardStore *boards() const { return m_boards; }
    AccountStatus *account() const { return m_account; }
    // Whether this process owns the data folder (resumes, polls, downloads); see DataFolderOwner.
    bool isDataOwner() const;
    DataFolderOwner *dataOwner() const { return m_dataOwner; }
    // Where user schema files add or override video models.
    QString userModelsDir() const;

signals:
    void started();
    void endpointChanged();

private:
    void applyEndpoint();
    void applySettings();
    void resumeOwnedWork();
    void adoptOutsideTask(const VideoTask &task);

    LaunchOptions m_options;
    AppSettings *m_settings;
    CredentialStore *m_credentials;
    PlatformClient *m_client;
    PlatformSimulator *m_simulator = nullptr;
    std::unique_ptr<Database> m_database;
    ConversationStore *m_conversations = nullptr;
    UsageLedger *m_ledger = nullptr;
    ChatSession *m_chat = nullptr;
    ChatModelCatalog *m_chatModels = nullptr;
    ModelCatalog *m_videoModels = nullptr;
    TaskStore *m_tasks = nullptr;
    VideoSubmitter *m_submitter = nullptr;
    PricingService *m_pricing = nullptr;
    CostEstimator *m_costs = nullptr;
    TaskPoller *m_poller = nullptr;
    ResultDownloader *m_downloader = nullptr;
    LibraryModel *m_library = nullptr;
    BoardStore *m_boards = nullptr;
    AccountStatus *m_account = nullptr;
    DataFolderOwner *m_dataOwner = nullptr;
    bool m_demo = false;
    bool m_started = false;
    QString m_startError;
};
