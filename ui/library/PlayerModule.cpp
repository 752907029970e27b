// The entry point of the yuanjing-player module (see VideoPlayer.h).
#include "library/PlayerWidget.h"

extern "C" Q_DECL_EXPORT VideoPlayer *yuanjing_create_player(QWidget *parent)
{
    return new PlayerWidget(parent);
}
