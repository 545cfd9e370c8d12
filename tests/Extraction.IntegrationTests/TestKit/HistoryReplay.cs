using DurableTask.AzureStorage;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker.Grpc;
using Newtonsoft.Json.Linq;
using P = Microsoft.DurableTask.Protobuf;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>
/// Replays a finished orchestration from the history the Azure Storage backend recorded: everything
/// before its last episode as past events, that episode's inputs as new events, through the same gRPC
/// runner a worker uses. Code that no longer decides as it did fails with a non-determinism error;
/// code that does must end the way the history says it ended.
/// </summary>
internal static class HistoryReplay
{
    private static readonly HashSet<EventType> Inbound =
    [
        EventType.OrchestratorStarted, EventType.ExecutionStarted, EventType.TaskCompleted, EventType.TaskFailed,
        EventType.SubOrchestrationInstanceCompleted, EventType.SubOrchestrationInstanceFailed, EventType.TimerFired, EventType.EventRaised,
    ];

    public sealed record Replayed(string InstanceId, int Events, P.OrchestrationStatus RecordedStatus, string? RecordedResult, P.CompleteOrchestrationAction? Completion);

    public static async Task<Replayed> ReplayAsync(AzureStorageOrchestrationService backend, string instanceId, ITaskOrchestrator orchestrator)
    {
        var history = JArray.Parse(await backend.GetOrchestrationHistoryAsync(instanceId, executionId: null)).Select(ToEvent).ToList();
        var lastEpisode = history.FindLastIndex(e => e.EventType == EventType.OrchestratorStarted);
        var completed = history.OfType<ExecutionCompletedEvent>().Single();
        var request = new P.OrchestratorRequest { InstanceId = instanceId };
        request.PastEvents.AddRange(history.Take(lastEpisode).Select(ProtobufUtils.ToHistoryEventProto));
        request.NewEvents.AddRange(history.Skip(lastEpisode).Where(e => Inbound.Contains(e.EventType)).Select(ProtobufUtils.ToHistoryEventProto));

        var answer = P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(
            GrpcOrchestrationRunner.LoadAndRun(ProtobufUtils.Base64Encode(request), orchestrator)));
        var completion = answer.Actions.Select(a => a.CompleteOrchestration).SingleOrDefault(c => c is not null);
        return new Replayed(instanceId, history.Count, (P.OrchestrationStatus)completed.OrchestrationStatus, completed.Result, completion);
    }

    /// <summary>The backend lists history without type names; each event says its type, which names its class.</summary>
    private static HistoryEvent ToEvent(JToken token)
    {
        var value = token[nameof(HistoryEvent.EventType)]!;
        var type = value.Type == JTokenType.String ? Enum.Parse<EventType>(value.Value<string>()!) : (EventType)value.Value<int>();
        var clrType = typeof(HistoryEvent).Assembly.GetType($"DurableTask.Core.History.{type}Event", throwOnError: true)!;
        return (HistoryEvent)token.ToObject(clrType)!;
    }
}
