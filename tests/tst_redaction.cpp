// The API key never reaches a log line, whatever prints it.
#include "TestSupport.h"
#include "api/PlatformClient.h"
#include "core/Log.h"

#include <QTest>

namespace {
QStringList g_lines;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_lines << message;
}
} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT
private slots:
    void keyIsMaskedInEveryMessage()
    {
        qInstallMessageHandler(capture);
        Redaction::installRedactingMessageHandler();
        PlatformClient client;
        client.setApiKey(QStringLiteral("sk-SECRET-0123456789"));
        qWarning() << "Authorization: Bearer sk-SECRET-0123456789";
        qCWarning(lcApi) << "key" << QStringLiteral("sk-SECRET-0123456789");
        QVERIFY(!g_lines.isEmpty());
        for (const QString &line : std::as_const(g_lines))
            QVERIFY2(!line.contains(QLatin1String("sk-SECRET-0123456789")), qPrintable(line));
        QVERIFY(g_lines.first().contains(QLatin1String("[REDACTED]")));
        qInstallMessageHandler(nullptr);
    }

    void mask()
    {
        const QString masked = Redaction::mask(QStringLiteral("sk-SECRET-0123456789"));
        QVERIFY(masked.startsWith(QLatin1String("sk-S")));
        QVERIFY(masked.endsWith(QLatin1String("89")));
        QVERIFY(!masked.contains(QLatin1String("SECRET")));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
