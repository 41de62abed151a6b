// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/requireuser.h"

#include <QThreadPool>

#include "daemon/api/authenticator.h"
#include "daemon/api/authhandler.h"

namespace PerfWatch::Daemon {

void requireUser(Authenticator &auth,
    const HttpRequest &request,
    const ReplyPtr &reply,
    std::function<void(const UserRecord &)> handler)
{
    auto claims = auth.checkSignature(bearerToken(request.header("Authorization")));
    if (!claims) {
        reply->send(authFailure(claims.error()));
        return;
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

void requireUserLight(Authenticator &auth,
    const HttpRequest &request,
    const ReplyPtr &reply,
    std::function<void(const UserRecord &)> handler)
{
    auto claims = auth.checkSignature(bearerToken(request.header("Authorization")));
    if (!claims) {
        reply->send(authFailure(claims.error()));
        return;
    }
    if (auto fresh = auth.resolveFresh(*claims)) {
        if (!*fresh)
            reply->send(authFailure(fresh->error()));
        else
            handler(**fresh);
        return;
    }
    requireUser(auth, request, reply, std::move(handler));
}

} // namespace PerfWatch::Daemon
