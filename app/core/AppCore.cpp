#include "core/AppCore.h"

#include "account/AccountStatus.h"
#include "account/CredentialStore.h"
#include "api/PlatformClient.h"
#include "chat/ChatModelCatalog.h"
#include "chat/ChatSession.h"
#include "core/AppSettings.h"
#include "core/DataFolderOwner.h"
#include "core/Hardening.h"
#include "core/Log.h"
#include "simulator/PlatformSimulator.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/TaskStore.h"
#include "store/UsageLedger.h"
#include "tasks/LibraryModel.h"
#include "store/BoardStore.h"
#include "tasks/ResultDownloader.h"
#include "tasks/TaskPoller.h"
#include "video/ModelCatalog.h"
#include "video/CostEstimator.h"
#include "video/PricingService.h"
#include "video/VideoSubmitter.h"

#include <QDir>
#include <QFile>

AppCore::AppCore(LaunchOptions options, SecretBackend *keychain, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_options.validate();
    const QString configDir = m_options.resolvedConfigDir();
    // Created owner-only before anything is written into it (database, pictures, the demo's state).
    Hardening::makePrivateDir(m_options.resolvedDataDir());
    m_settings = new AppSettings(configDir, this);
    if (!keychain && m_options.useKeychain)
        keychain = KeychainBackend::create(this);
    m_credentials = new CredentialStore(keychain, QDir(configDir).filePath(QStringLiteral("api-key")), this);
    if (!m_options.apiKeyOverride.isEmpty())
        m_credentials->setOverride(m_options.apiKeyOverride);
    m_client = new PlatformClient(this);
    m_account = new AccountStatus(m_client, m_credentials, m_settings, this);
    m_database = std::make_unique<Database>(QDir(m_options.resolvedDataDir()).filePath(QStringLiteral("yuanjing.sqlite")));

    connect(m_settings, &AppSettings::baseUrlChanged, this, &AppCore::applyEndpoint);
    connect(m_settings, &AppSettings::changed, this, &AppCore::applySettings);
    connect(m_credentials, &CredentialStore::keyChanged, this, &AppCore::applyEndpoint);
    applyEndpoint();

    if (m_options.demo)
        enableDemo();
}

AppCore::~AppCore()
{
    // Stop the answer in flight, and save it as stopped, before the store it writes to goes away.
    if (m_chat)
        m_chat->stopAndSave();
}

void AppCore::start()
{
    QString error;
    if (!m_database->open(&error)) {
        m_startError = tr("The database %1 cannot be opened: %2").arg(QDir::toNativeSeparators(m_database->path()), error);
        qCWarning(lcStore) << m_startError;
    }
    m_conversations = new ConversationStore(m_database.get(), this);
    m_ledger = new UsageLedger(m_database.get(), this);
    // The first process on the data folder (app or yuanjing) owns it: it alone resumes, polls and
    // downloads, and marks what a dead process left behind. The others work through the database.
    m_dataOwner = new DataFolderOwner(m_options.resolvedDataDir(), this);
    const bool owner = m_database->isOpen() && m_dataOwner->tryAcquire();
    if (owner)
        m_conversations->recoverInterrupted();
    m_chat = new ChatSession(m_client, m_conversations, m_ledger, this);
    m_chatModels = new ChatModelCatalog(m_client, m_settings, this);
    m_tasks = new TaskStore(m_database.get(), QDir(m_options.resolvedDataDir()).filePath(QStringLiteral("tasks")), this);
    m_videoModels = new ModelCatalog(this);
    m_videoModels->loadLater(userModelsDir());
    m_submitter = new VideoSubmitter(m_client, m_tasks, this);
    m_submitter->setSession(m_dataOwner->sessionId());
    m_pricing = new PricingService(m_client, this);
    m_costs = new CostEstimator(m_tasks, m_pricing, this);
    m_poller = new TaskPoller(m_client, m_tasks, this);
    m_downloader = new ResultDownloader(m_client, m_tasks, this);
    m_library = new LibraryModel(m_tasks, this);
    m_boards = new BoardStore(m_database.get(), m_tasks, this);
    m_library->setCatalog(m_videoModels);
    // Submitted → watched → finished → downloaded: every paid-for video reaches the disk, through the
    // owner of the data folder (another process's submissions reach it through the database).
    connect(m_submitter, &VideoSubmitter::submitted, this, [this](const VideoTask &task) {
        if (m_dataOwner->isOwner())
            m_poller->watch(task);
    });
    connect(m_poller, &TaskPoller::taskSucceeded, this, [this](const VideoTask &task) {
        if (m_dataOwner->isOwner())
            m_downloader->download(task);
    });
    connect(m_downloader, &ResultDownloader::linkExpired, m_poller, [this](const VideoTask &task) { m_poller->refreshLinks(task.id); });
    connect(m_poller, &TaskPoller::linksUnavailable, m_downloader, &ResultDownloader::markExpired);
    // A deleted task is neither asked about nor downloaded any more.
    connect(m_tasks, &TaskStore::taskRemoved, this, [this](qint64 id) {
        m_poller->unwatch(id);
        m_downloader->cancel(id);
    });
    connect(m_tasks, &TaskStore::taskChangedOutside, this, &AppCore::adoptOutsideTask);
    connect(m_poller, &TaskPoller::taskSucceeded, this, [this](const VideoTask &task) {
        LedgerEntry entry;
        entry.kind = QStringLiteral("video");
        entry.ref = task.taskId;
        entry.model = task.usage.value(QLatin1String("model")).toString(task.modelName);
        entry.credits = task.usage.value(QLatin1String("credits")).toDouble();
        entry.details = task.usage;
        m_ledger->record(entry);
    });
    applySettings();
    if (m_database->isOpen()) {
        m_tasks->watchOutsideChanges(1000);
        if (owner) {
            resumeOwnedWork();
        } else {
            qCInfo(lcStore) << "another process owns the data folder; this one works through the database";
            connect(m_dataOwner, &DataFolderOwner::becameOwner, this, [this] {
                // The owner ended: take over what it was following. Its live answers are gone with it; this
                // process's own answer in flight is not touched.
                if (!m_chat->isBusy())
                    m_conversations->recoverInterrupted();
                resumeOwnedWork();
            });
            m_dataOwner->keepTrying(2000);
        }
    }

    connect(m_credentials, &CredentialStore::loaded, this, [this] {
        m_started = true;
        emit started();
    }, Qt::SingleShotConnection);
    m_credentials->load();
}

bool AppCore::isDataOwner() const
{
    return m_dataOwner && m_dataOwner->isOwner();
}

void AppCore::resumeOwnedWork()
{
    m_poller->resumeAll([this](const QString &session) { return m_dataOwner->isSessionLive(session); });
    m_downloader->resumeAll();
}

void AppCore::adoptOutsideTask(const VideoTask &task)
{
    if (!m_dataOwner->isOwner())
        return;
    const bool unfinished = task.state == VideoTask::State::Queued || task.state == VideoTask::State::Running;
    if (unfinished && !task.taskId.isEmpty() && !m_poller->isWatching(task.id)) {
        m_poller->watch(task);
        return;
    }
    const bool videoMissing = task.videoPath.isEmpty() || !QFile::exists(task.videoPath);
    if (task.state == VideoTask::State::Succeeded && videoMissing && !task.videoUrl.isEmpty()
        && task.errorCode != QLatin1String("expired") && !m_downloader->isDownloading(task.id))
        m_downloader->download(task);
}

QString AppCore::userModelsDir() const
{
    return QDir(m_options.resolvedConfigDir()).filePath(QStringLiteral("models"));
}

bool AppCore::enableDemo()
{
    if (m_demo)
        return true;
    if (!m_simulator) {
        m_simulator = new PlatformSimulator(this);
        m_simulator->setStateFile(QDir(m_options.resolvedDataDir()).filePath(QStringLiteral("demo-platform.json")));
    }
    if (!m_simulator->start()) {
        m_startError = tr("The demo simulator could not start on this computer.");
        return false;
    }
    m_demo = true;
    applyEndpoint();
    return true;
}

bool AppCore::needsWelcome() const
{
    return !m_demo && !m_credentials->hasKey();
}

QUrl AppCore::effectiveBaseUrl() const
{
    if (m_demo && m_simulator)
        return m_simulator->baseUrl();
    if (!m_options.baseUrlOverride.isEmpty()) {
        QUrl url;
        AppSettings::validateBaseUrl(m_options.baseUrlOverride, &url);
        return url;
    }
    return m_settings->baseUrl();
}

QString AppCore::endpointDescription() const
{
    if (m_demo)
        return tr("Demo mode: built-in simulator at %1, no key needed, nothing is billed")
            .arg(effectiveBaseUrl().authority());
    const QString url = effectiveBaseUrl().toString();
    return baseUrlOverridden() ? tr("Platform: %1 (set for this run)").arg(url) : tr("Platform: %1").arg(url);
}

void AppCore::applyEndpoint()
{
    m_client->setBaseUrl(effectiveBaseUrl());
    // The real key never goes to the simulator.
    m_client->setApiKey(m_demo ? QStringLiteral("demo-key") : m_credentials->apiKey());
    emit endpointChanged();
}

void AppCore::applySettings()
{
    if (m_downloader)
        m_downloader->setFolder(m_settings->downloadFolder());
    if (m_chat) {
        m_chat->setHistoryTurns(m_settings->chatHistoryTurns());
        m_chat->setStreaming(m_settings->chatStreaming());
    }
}
