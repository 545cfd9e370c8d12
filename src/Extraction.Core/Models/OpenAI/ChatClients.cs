using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Azure.AI.OpenAI;
using Azure.Identity;
using Extraction.Core.Configuration;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace Extraction.Core.Models.OpenAI;

/// <summary>
/// One OpenAI client for the configured endpoint, for the life of the process, and a chat client per
/// deployment. The SDK's own retries are off: <see cref="DeploymentRunner"/> retries within the deadline.
/// </summary>
[Singleton]
public sealed class ChatClients
{
    private readonly OpenAIClient _client;
    private readonly ConcurrentDictionary<string, ChatClient> _chats = new(StringComparer.Ordinal);

    public ChatClients(IOptions<ModelOptions> options)
    {
        var settings = options.Value;
        var endpoint = settings.Endpoint ?? throw new InvalidOperationException("Model:Endpoint is not set.");
        // The deadline is ours (a cancellation token per call); the network timeout only guards a hung socket.
        var networkTimeout = TimeSpan.FromMilliseconds(Math.Max(settings.TimeoutMs, settings.TeacherTimeoutMs) * 2L);
        _client = settings.Provider switch
        {
            ModelOptions.AzureOpenAI when !string.IsNullOrEmpty(settings.ApiKey) =>
                new AzureOpenAIClient(endpoint, new ApiKeyCredential(settings.ApiKey), Configure(new AzureOpenAIClientOptions(), networkTimeout)),
            ModelOptions.AzureOpenAI =>
                new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), Configure(new AzureOpenAIClientOptions(), networkTimeout)),
            ModelOptions.OpenAICompatible =>
                new OpenAIClient(
                    new ApiKeyCredential(string.IsNullOrEmpty(settings.ApiKey) ? "not-needed" : settings.ApiKey),
                    Configure(new OpenAIClientOptions { Endpoint = endpoint }, networkTimeout)),
            _ => throw new InvalidOperationException($"Model:Provider {settings.Provider} does not use a chat client."),
        };
    }

    public ChatClient For(string deployment) => _chats.GetOrAdd(deployment, _client.GetChatClient);

    private static T Configure<T>(T options, TimeSpan networkTimeout) where T : ClientPipelineOptions
    {
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = networkTimeout;
        return options;
    }
}
