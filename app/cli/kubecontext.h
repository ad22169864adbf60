#pragma once

#include "app/cli/cli.h"
#include "core/connect/kubeconfig.h"

#include <optional>

namespace headroom::cli {

/// Adds --kubeconfig, --context and --token-secret to a command.
void addKubeOptions(CommandLine &cl);

/// The context those options name: kubeconfig files merged as kubectl does, the context
/// (default: current-context), and a bearer token from the OS keychain when --token-secret is
/// given. On failure the errors are printed and `*exit` holds the exit code.
std::optional<connect::ResolvedContext> kubeContext(CommandLine &cl, int *exit);

} // namespace headroom::cli
