#include "TestSupport.h"
#include "account/CredentialStore.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

class TestCredentialStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString keyFile() const { return m_dir.filePath(QStringLiteral("api-key")); }

private slots:
    void init() { QFile::remove(keyFile()); }

    void keychainAvailable()
    {
        auto *keychain = new MemorySecretBackend(true);
        CredentialStore store(keychain, keyFile());
        QSignalSpy loaded(&store, &CredentialStore::loaded);
        store.load();
        QVERIFY(loaded.wait());
        QVERIFY(!store.hasKey());
        QCOMPARE(store.storage(), CredentialStore::Storage::None);

        QSignalSpy saved(&store, &CredentialStore::saved);
        store.save(QStringLiteral("  sk-abcdef123456  "));
        QVERIFY(saved.wait());
        QCOMPARE(saved.first().at(0).toBool(), true);
        QCOMPARE(store.storage(), CredentialStore::Storage::Keychain);
        QCOMPARE(keychain->stored(), QStringLiteral("sk-abcdef123456"));
        QVERIFY(!QFile::exists(keyFile()));

        // A second instance (the next start) finds it.
        auto *keychain2 = new MemorySecretBackend(true);
        keychain2->write(CredentialStore::accountName(), QStringLiteral("sk-abcdef123456"));
        CredentialStore again(keychain2, keyFile());
        QSignalSpy loaded2(&again, &CredentialStore::loaded);
        again.load();
        QVERIFY(loaded2.wait());
        QCOMPARE(again.apiKey(), QStringLiteral("sk-abcdef123456"));
    }

    void noKeychainFallsBackToPrivateFile()
    {
        CredentialStore store(new MemorySecretBackend(false), keyFile());
        QSignalSpy loaded(&store, &CredentialStore::loaded);
        store.load();
        QVERIFY(loaded.wait());
        QVERIFY(!store.keychainAvailable());

        QSignalSpy saved(&store, &CredentialStore::saved);
        store.save(QStringLiteral("sk-filekey-98765"));
        QVERIFY(saved.wait());
        QVERIFY(saved.first().at(0).toBool());
        QCOMPARE(store.storage(), CredentialStore::Storage::File);
        QVERIFY(store.storageDescription().contains(keyFile()));
        const QFileInfo info(keyFile());
        QVERIFY(info.exists());
        QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFileDevice::Permissions());

        CredentialStore again(new MemorySecretBackend(false), keyFile());
        QSignalSpy loaded2(&again, &CredentialStore::loaded);
        again.load();
        QVERIFY(loaded2.wait());
        QCOMPARE(again.apiKey(), QStringLiteral("sk-filekey-98765"));
        QCOMPARE(again.storage(), CredentialStore::Storage::File);
    }

    void withoutKeychainBackendAtAll()
    {
        CredentialStore store(nullptr, keyFile());
        QSignalSpy saved(&store, &CredentialStore::saved);
        store.save(QStringLiteral("sk-nokeychain-1"));
        QVERIFY(saved.wait());
        QCOMPARE(store.storage(), CredentialStore::Storage::File);
    }

    void keyInFileFoundWhenKeychainEmpty()
    {
        FileSecretBackend file(keyFile());
        QString error;
        QCOMPARE(file.writeNow(QStringLiteral("sk-old-file-key"), &error), SecretBackend::Result::Ok);
        CredentialStore store(new MemorySecretBackend(true), keyFile());
        QSignalSpy loaded(&store, &CredentialStore::loaded);
        store.load();
        QVERIFY(loaded.wait());
        QCOMPARE(store.apiKey(), QStringLiteral("sk-old-file-key"));
    }

    void removeForgetsEverywhere()
    {
        auto *keychain = new MemorySecretBackend(true);
        CredentialStore store(keychain, keyFile());
        QSignalSpy saved(&store, &CredentialStore::saved);
        store.save(QStringLiteral("sk-to-remove-1"));
        QVERIFY(saved.wait());
        QSignalSpy removed(&store, &CredentialStore::removed);
        store.remove();
        QVERIFY(removed.wait());
        QVERIFY(!store.hasKey());
        QVERIFY(keychain->stored().isEmpty());
        QVERIFY(!QFile::exists(keyFile()));
    }

    void environmentOverrideIsNotStored()
    {
        auto *keychain = new MemorySecretBackend(true);
        CredentialStore store(keychain, keyFile());
        store.setOverride(QStringLiteral("sk-from-env-42"));
        QSignalSpy loaded(&store, &CredentialStore::loaded);
        store.load();
        QVERIFY(loaded.wait());
        QCOMPARE(store.apiKey(), QStringLiteral("sk-from-env-42"));
        QCOMPARE(store.storage(), CredentialStore::Storage::Environment);
        QVERIFY(keychain->stored().isEmpty());
        QVERIFY(!QFile::exists(keyFile()));
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
