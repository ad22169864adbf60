#include "app/cli/kubecontext.h"

#include "core/connect/secretstore.h"

using namespace Qt::StringLiterals;

namespace headroom::cli {

void addKubeOptions(CommandLine &cl)
{
    cl.addOption({u"kubeconfig"_s, u"The kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)."_s, u"PATH"_s});
    cl.addOption({u"context"_s, u"The context to use (default: current-context)."_s, u"C"_s});
    cl.addOption({u"token-secret"_s, u"Keychain entry holding a bearer token for the API server, used instead of the "
                                     "kubeconfig user's credentials (store it with 'headroom-cli secret set NAME')."_s,
                  u"NAME"_s});
}

std::optional<connect::ResolvedContext> kubeContext(CommandLine &cl, int *exit)
{
    auto config = connect::loadKubeconfig(cl.value(u"kubeconfig"_s));
    if (!config) {
        *exit = reportErrors(config.errors());
        return std::nullopt;
    }
    auto context = connect::resolveContext(config.value(), cl.value(u"context"_s));
    if (!context) {
        *exit = reportErrors(context.errors());
        return std::nullopt;
    }
    if (cl.isSet(u"token-secret"_s)) {
        auto token = connect::readKeychainSecret(cl.value(u"token-secret"_s));
        if (!token) {
            *exit = reportErrors({model::makeError(token.error().message, u"--token-secret"_s)});
            return std::nullopt;
        }
        context->user.token = token.value();
        context->user.tokenFile.clear();
    }
    return std::move(context).value();
}

} // namespace headroom::cli
