// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/requireuser.h"

#include <QThreadPool>

#include "daemon/api/authenticator.h"
#include "daemon/api/authhandler.h"

namespace PerfWatch::Daemon {

namespace {

void requireUserOn(Authenticator &auth,
    const HttpRequest &request,
    const ReplyPtr &reply,
    std::function<void(const UserRecord &)> handler,
    bool light)
{
    auto claims = auth.checkSignature(bearerToken(request.header("Authorization")));
    if (!claims) {
        reply->send(authFailure(claims.error()));
        return;
    }
    if (light) {
        if (auto fresh = auth.resolveFresh(*claims)) {
            if (!*fresh)
                reply->send(authFailure(fresh->error()));
            else
                handler(**fresh);
            return;
        }
    }
    QThreadPool::globalInstance()->start(
        [&auth, claims = *claims, reply, handler = std::move(handler)] {
            auto user = auth.resolveUser(claims);
            if (!user) {
                Reply::sendLater(reply, authFailure(user.error()));
                return;
            }
            handler(*user);
        });
}

} // namespace

void requireUser(Authenticator &auth,
    const HttpRequest &request,
    const ReplyPtr &reply,
    std::function<void(const UserRecord &)> handler)
{
    requireUserOn(auth, request, reply, std::move(handler), false);
}

void requireUserLight(Authenticator &auth,
    const HttpRequest &request,
    const ReplyPtr &reply,
    std::function<void(const UserRecord &)> handler)
{
    requireUserOn(auth, request, reply, std::move(handler), true);
}

} // namespace PerfWatch::Daemon
