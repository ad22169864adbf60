#include "ui/canvas/clustermap.h"

#include "core/connect/clusterimport.h"

#include <QHash>

#include <algorithm>

#include <random>

using namespace Qt::StringLiterals;

namespace headroom::ui {

std::vector<std::vector<std::int32_t>> ClusterMap::podsByNode() const
{
    std::vector<std::vector<std::int32_t>> out(size_t(nodes.size()));
    for (size_t i = 0; i < pods.size(); ++i)
        if (pods[i].node >= 0 && pods[i].node < nodes.size())
            out[size_t(pods[i].node)].push_back(std::int32_t(i));
    return out;
}

int ClusterMap::unscheduledPods() const
{
    return int(std::count_if(pods.begin(), pods.end(), [](const ClusterMapPod &p) { return p.node < 0; }));
}

PodPhase podPhase(const QString &phase)
{
    if (phase == u"Running")
        return PodPhase::Running;
    if (phase == u"Pending")
        return PodPhase::Pending;
    if (phase == u"Succeeded")
        return PodPhase::Succeeded;
    if (phase == u"Failed")
        return PodPhase::Failed;
    return PodPhase::Unknown;
}

ClusterMap clusterMapFromSnapshot(const connect::ClusterSnapshot &snapshot)
{
    ClusterMap map;
    map.name = snapshot.context;
    QHash<QString, int> nodeIndex;
    for (const connect::KubeNode &node : snapshot.nodes) {
        nodeIndex.insert(node.name, int(map.nodes.size()));
        map.nodes.append({node.name, node.region, node.zone, node.instanceType, node.cpuAllocatableMillicores,
                          node.memoryAllocatableBytes, node.podsAllocatable, node.ready, 0});
    }
    QHash<QString, int> workloadIndex;
    map.pods.reserve(size_t(snapshot.pods.size()));
    for (const connect::KubePod &pod : snapshot.pods) {
        QString owner = connect::ownerWorkloadName(pod);
        const QString workload = pod.ns + u'/' + (owner.isEmpty() ? pod.name : owner);
        auto found = workloadIndex.constFind(workload);
        if (found == workloadIndex.cend()) {
            found = workloadIndex.insert(workload, int(map.workloads.size()));
            map.workloads.append(workload);
        }
        const int node = nodeIndex.value(pod.nodeName, -1);
        if (node >= 0)
            map.nodes[node].cpuRequestedMillicores += pod.cpuRequestMillicores;
        map.pods.push_back({node, *found, podPhase(pod.phase)});
    }
    return map;
}

ClusterMap generateClusterMap(int nodes, int pods, int regions, int workloads, std::uint32_t seed)
{
    static const QStringList kRegions = {u"us-east-1"_s, u"eu-west-1"_s, u"ap-southeast-1"_s, u"us-west-2"_s,
                                         u"eu-central-1"_s, u"ap-northeast-1"_s};
    static const QStringList kTypes = {u"m6i.xlarge"_s, u"m6i.2xlarge"_s, u"c6i.2xlarge"_s, u"r6i.xlarge"_s};
    std::mt19937 random(seed);
    ClusterMap map;
    map.name = u"generated"_s;
    regions = std::clamp(regions, 1, int(kRegions.size()));
    for (int i = 0; i < nodes; ++i) {
        const QString region = kRegions[i % regions];
        const QString zone = region + QChar(u'a' + (i / regions) % 3);
        const int size = int(random() % 4);
        map.nodes.append({u"ip-10-%1-%2-%3.internal"_s.arg(i / 65536).arg((i / 256) % 256).arg(i % 256), region, zone,
                          kTypes[size], 3920.0 * (size == 1 || size == 2 ? 2 : 1), 15.0e9 * (size == 3 ? 2 : 1),
                          size == 0 ? 58 : 110, random() % 200 != 0, 0});
    }
    for (int w = 0; w < workloads; ++w)
        map.workloads.append(u"shop/service-%1"_s.arg(w));
    std::uniform_int_distribution<int> anyNode(0, std::max(0, nodes - 1));
    std::geometric_distribution<int> workloadPick(0.08);
    map.pods.reserve(size_t(pods));
    for (int p = 0; p < pods; ++p) {
        ClusterMapPod pod;
        pod.workload = std::min(workloads - 1, workloadPick(random));
        pod.node = nodes > 0 ? anyNode(random) : -1;
        const unsigned roll = random() % 100;
        if (roll < 2) {
            pod.phase = PodPhase::Pending;
            if (roll == 0)
                pod.node = -1;
        } else if (roll == 2) {
            pod.phase = PodPhase::Failed;
        }
        if (pod.node >= 0)
            map.nodes[pod.node].cpuRequestedMillicores += 250;
        map.pods.push_back(pod);
    }
    return map;
}

} // namespace headroom::ui
