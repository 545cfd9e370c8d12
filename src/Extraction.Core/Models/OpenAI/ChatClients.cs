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
    private readonly Lazy<OpenAIClient> _client;
    private readonly Lazy<OpenAIClient> _control;
    private readonly ConcurrentDictionary<string, ChatClient> _chats = new(StringComparer.Ordinal);

    public ChatClients(IOptions<ModelOptions> options)
    {
        // The deadline is ours (a cancellation token per call); the network timeout only guards a hung socket.
        _client = new(() => Create(options.Value, TimeSpan.FromMilliseconds(Math.Max(options.Value.TimeoutMs, options.Value.TeacherTimeoutMs) * 2L), retries: 0));
        _control = new(() => CreateControl(options.Value));
    }

    /// <summary>Built on first use, so a service that only might call the model (the retraining loop) can be constructed without one.</summary>
    private static OpenAIClient Create(ModelOptions settings, TimeSpan networkTimeout, int retries)
    {
        var endpoint = settings.Endpoint ?? throw new InvalidOperationException("Model:Endpoint is not set.");
        return settings.Provider switch
        {
            ModelOptions.AzureOpenAI when !string.IsNullOrEmpty(settings.ApiKey) =>
                new AzureOpenAIClient(endpoint, new ApiKeyCredential(settings.ApiKey), Configure(new AzureOpenAIClientOptions(), networkTimeout, retries)),
            ModelOptions.AzureOpenAI =>
                new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), Configure(new AzureOpenAIClientOptions(), networkTimeout, retries)),
            ModelOptions.OpenAICompatible =>
                new OpenAIClient(
                    new ApiKeyCredential(string.IsNullOrEmpty(settings.ApiKey) ? "not-needed" : settings.ApiKey),
                    Configure(new OpenAIClientOptions { Endpoint = endpoint }, networkTimeout, retries)),
            _ => throw new InvalidOperationException($"Model:Provider {settings.Provider} does not use a chat client."),
        };
    }

    /// <summary>
    /// Files and fine-tuning. Azure.AI.OpenAI 2.1.0 refuses fine-tuning ("not yet supported in the GA version"),
    /// so on Azure these go to the resource's v1 routes (<c>{endpoint}/openai/v1/</c>, the OpenAI shape) with
    /// the plain OpenAI client of the same library. Files of hundreds of MB and calls off the hot path: a long
    /// timeout and the SDK's own retries.
    /// </summary>
    private static OpenAIClient CreateControl(ModelOptions settings)
    {
        var endpoint = settings.Endpoint ?? throw new InvalidOperationException("Model:Endpoint is not set.");
        var azure = settings.Provider == ModelOptions.AzureOpenAI;
        var options = Configure(new OpenAIClientOptions { Endpoint = azure ? new Uri(endpoint, "openai/v1/") : endpoint }, TimeSpan.FromMinutes(15), retries: 3);
        if (azure)
        {
            options.AddPolicy(
                string.IsNullOrEmpty(settings.ApiKey) ? AzureV1Authentication.WithIdentity(new DefaultAzureCredential()) : AzureV1Authentication.WithKey(settings.ApiKey),
                PipelinePosition.BeforeTransport);
        }

        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(settings.ApiKey) ? "not-needed" : settings.ApiKey), options);
    }

    public ChatClient For(string deployment) => _chats.GetOrAdd(deployment, _client.Value.GetChatClient);

    /// <summary>The endpoint's client for files and fine-tuning.</summary>
    public OpenAIClient Control => _control.Value;

    private static T Configure<T>(T options, TimeSpan networkTimeout, int retries) where T : ClientPipelineOptions
    {
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: retries);
        options.NetworkTimeout = networkTimeout;
        return options;
    }
}
