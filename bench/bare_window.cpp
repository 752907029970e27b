// The baseline for the startup benchmark: a bare Qt window (a main window with a label), built in the
// same tree with the same flags, measured the same way as yuanjing-studio.
#include "core/StartupProbe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    StartupProbe::mark("main");
    QApplication app(argc, argv);
    StartupProbe::mark("application");
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("bare")));
    window.resize(1180, 760);
    window.show();
    StartupProbe::reportWhenIdle(&window);
    return app.exec();
}
