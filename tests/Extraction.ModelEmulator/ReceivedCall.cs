using System.Text.Json;

namespace Extraction.ModelEmulator;

/// <summary>A call the emulator received: which deployment, through which route, with what body.</summary>
public sealed record ReceivedCall(string Deployment, bool AzureRoute, string? ApiKey, bool HasBearerToken, JsonElement Body, DateTimeOffset At);
