using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Extraction.ModelEmulator;

/// <summary>
/// The control side of the emulator: file uploads (<c>/openai/v1/files</c>), fine-tuning jobs
/// (<c>/openai/v1/fine_tuning/jobs</c>) whose outcomes are scripted (<see cref="JobScript"/>), and Azure Resource
/// Manager's deployment resource, served over TLS as ARM is, which makes a fine-tuned model answer chat
/// calls under the deployment's name.
/// </summary>
public sealed class FineTuningRoutes(ModelEmulator emulator)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentQueue<JobScript> _scripts = new();
    private readonly ConcurrentDictionary<string, EmulatedJob> _jobs = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Uploaded files by id: name, purpose, the lines.</summary>
    public ConcurrentDictionary<string, UploadedFile> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Deployments made through ARM: name → model.</summary>
    public ConcurrentDictionary<string, string> Deployments { get; } = new(StringComparer.Ordinal);

    /// <summary>Every deployment write ARM accepted, in order: a deployment made and removed within one step still shows.</summary>
    public ConcurrentQueue<DeploymentWrite> DeploymentWrites { get; } = new();

    /// <summary>The bearer token ARM calls must carry.</summary>
    public string ArmToken { get; set; } = "arm-token-7f3e";

    public IReadOnlyCollection<EmulatedJob> Jobs => [.. _jobs.Values];

    /// <summary>The next jobs end like this, in order; then they succeed with a model that answers well.</summary>
    public void Script(params JobScript[] scripts)
    {
        foreach (var script in scripts)
        {
            _scripts.Enqueue(script);
        }
    }

    /// <summary>The provider loses a job (deleted in the portal, another region): reading it is a 404 from now on.</summary>
    public void Forget(string jobId) => _jobs.TryRemove(jobId, out _);

    internal void Map(WebApplication app)
    {
        // Azure's v1 routes (what the product calls on Azure) and the plain OpenAI ones.
        foreach (var root in new[] { "/openai/v1", "/v1" })
        {
            app.MapPost($"{root}/files", (Delegate)UploadAsync);
            app.MapPost($"{root}/fine_tuning/jobs", (Delegate)CreateJobAsync);
            app.MapGet($"{root}/fine_tuning/jobs/{{id}}", (string id) => GetJob(id));
        }

        const string deployment = "/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.CognitiveServices/accounts/{account}/deployments/{name}";
        app.MapPut(deployment, (string name, HttpContext http) => PutDeploymentAsync(name, http));
        app.MapGet(deployment, (string name, HttpContext http) => Authorized(http) ? Deployed(name, http) : Results.Unauthorized());
        app.MapDelete(deployment, (string name, HttpContext http) => Authorized(http) ? DeleteDeployment(name) : Results.Unauthorized());
    }

    private async Task<IResult> UploadAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form.Files.GetFile("file") is not { } file || form["purpose"].ToString() != "fine-tune")
        {
            return Error(400, "invalidPayload", "A fine-tune upload needs a file and purpose=fine-tune.");
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync(http.RequestAborted)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            try
            {
                using var line = JsonDocument.Parse(lines[i]);
                if (!line.RootElement.TryGetProperty("messages", out var messages) || messages.GetArrayLength() < 2)
                {
                    return Error(400, "invalidPayload", $"Line {i + 1} has no messages.");
                }
            }
            catch (JsonException)
            {
                return Error(400, "invalidPayload", $"Line {i + 1} is not JSON.");
            }
        }

        var id = $"file-{Interlocked.Increment(ref _sequence):D6}";
        Files[id] = new UploadedFile(id, file.FileName, lines);
        return Results.Json(new { id, @object = "file", bytes = file.Length, created_at = Now(), filename = file.FileName, purpose = "fine-tune", status = "processed" }, Json);
    }

    private async Task<IResult> CreateJobAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var request = body.RootElement;
        var training = request.TryGetProperty("training_file", out var t) ? t.GetString() : null;
        var validation = request.TryGetProperty("validation_file", out var v) ? v.GetString() : null;
        if (training is null || !Files.ContainsKey(training) || (validation is not null && !Files.ContainsKey(validation)))
        {
            return Error(400, "invalidPayload", $"The training file {training} (or validation file {validation}) does not exist.");
        }

        var epochs = request.TryGetProperty("hyperparameters", out var h) && h.TryGetProperty("n_epochs", out var n) ? n.GetInt32() : 1;
        var id = $"ftjob-{Interlocked.Increment(ref _sequence):D6}";
        var script = _scripts.TryDequeue(out var next) ? next : JobScript.Good();
        var job = new EmulatedJob(id, request.GetProperty("model").GetString()!, training, validation, request.TryGetProperty("suffix", out var s) ? s.GetString() : null, epochs, script);
        _jobs[id] = job;
        return Results.Json(job.Describe(advance: false, Files), Json);
    }

    private IResult GetJob(string id) =>
        _jobs.TryGetValue(id, out var job) ? Results.Json(job.Describe(advance: true, Files), Json) : Error(404, "notFound", $"No job {id}.");

    private async Task<IResult> PutDeploymentAsync(string name, HttpContext http)
    {
        if (!Authorized(http))
        {
            return Results.Unauthorized();
        }

        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var model = body.RootElement.GetProperty("properties").GetProperty("model").GetProperty("name").GetString()!;
        if (_jobs.Values.FirstOrDefault(j => j.FineTunedModel == model) is not { } job)
        {
            return Error(400, "InvalidResourceProperties", $"The model {model} is not a fine-tuned model of this account.");
        }

        Deployments[name] = model;
        DeploymentWrites.Enqueue(new DeploymentWrite("PUT", name, model));
        if (job.Script.CorruptShare > 0)
        {
            emulator.CorruptShare(name, job.Script.CorruptShare, seed: 17);
        }

        return Deployed(name, http);
    }

    private IResult DeleteDeployment(string name)
    {
        if (!Deployments.TryRemove(name, out var model))
        {
            return Results.NoContent();
        }

        DeploymentWrites.Enqueue(new DeploymentWrite("DELETE", name, model));
        return Results.Ok();
    }

    private IResult Deployed(string name, HttpContext http) => Deployments.TryGetValue(name, out var model)
        ? Results.Json(new
        {
            id = http.Request.Path.Value,
            name,
            type = "Microsoft.CognitiveServices/accounts/deployments",
            sku = new { name = "Standard", capacity = 10 },
            properties = new { model = new { format = "OpenAI", name = model, version = "1" }, provisioningState = "Succeeded" },
        }, Json)
        : Error(404, "DeploymentNotFound", $"No deployment {name}.");

    private bool Authorized(HttpContext http) => http.Request.Headers.Authorization.ToString() == $"Bearer {ArmToken}";

    private static IResult Error(int status, string code, string message) => Results.Json(new { error = new { code, message } }, Json, statusCode: status);

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}

/// <param name="Method">PUT or DELETE.</param>
public sealed record DeploymentWrite(string Method, string Name, string Model);

public sealed record UploadedFile(string Id, string Name, IReadOnlyList<string> Lines);

/// <summary>A job that runs for its script's polls, then succeeds (naming a fine-tuned model and the tokens trained) or fails with the script's reason.</summary>
public sealed class EmulatedJob(string id, string model, string trainingFile, string? validationFile, string? suffix, int epochs, JobScript script)
{
    private int _polls;

    public string Id => id;

    public JobScript Script => script;

    public string TrainingFile => trainingFile;

    public string? ValidationFile => validationFile;

    public string? FineTunedModel => Done && script.Succeeds ? $"{model}.ft-{id}{(suffix is null ? "" : $"-{suffix}")}" : null;

    private bool Done => Volatile.Read(ref _polls) >= script.PollsBeforeDone;

    internal object Describe(bool advance, IReadOnlyDictionary<string, UploadedFile> files)
    {
        if (advance)
        {
            Interlocked.Increment(ref _polls);
        }

        var status = !Done ? (_polls == 0 ? "pending" : "running") : script.Succeeds ? "succeeded" : "failed";
        var tokens = files[trainingFile].Lines.Sum(l => (long)l.Length / 4) * epochs;
        return new
        {
            id,
            @object = "fine_tuning.job",
            model,
            status,
            created_at = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            training_file = trainingFile,
            validation_file = validationFile,
            hyperparameters = new { n_epochs = epochs },
            fine_tuned_model = FineTunedModel,
            trained_tokens = status == "succeeded" ? tokens : (long?)null,
            error = status == "failed" ? new { code = "invalid_training_file", message = script.FailureReason, param = "training_file" } : null,
        };
    }
}
