#pragma once

#include <QFileDevice>
#include <QString>

// Limits and file rules against hostile input (issue 15), kept in one place so each rule is decided once.
namespace Hardening {

// The most memory (MiB) one decoded picture may take. Pictures come from users and the network: a
// crafted header can claim 100 000 × 100 000 pixels in a few bytes.
constexpr int ImageAllocationLimitMiB = 256;

// Process-wide limits, set once by each program's main at start-up, on the main thread (the image
// reader's limit is a global: changing it from worker threads races with the decoders reading it).
// QT_IMAGEIO_MAXALLOC in the environment still wins: that is the user's own, explicit choice.
void applyProcessLimits();

// Owner-only permissions for what the app writes about the user: the database, pictures, downloads.
constexpr QFileDevice::Permissions PrivateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions PrivateDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// Creates path and any missing parents; the folders it creates are owner-only (0700). Folders that
// already exist are left as they are (they may be the user's own, e.g. ~/Videos).
bool makePrivateDir(const QString &path);
// Makes an existing file owner-only (0600). Returns false when it cannot.
bool makePrivateFile(const QString &path);

} // namespace Hardening
