namespace Extraction.Core.Activities;

/// <summary>The one list of activities: every <see cref="IPipelineActivity{TInput, TOutput}"/> in this assembly, by name.</summary>
public static class PipelineActivities
{
    public static IReadOnlyList<PipelineActivity> All { get; } =
    [
        .. typeof(PipelineActivities).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPipelineActivity<,>))
                .Select(i => new PipelineActivity(t, i.GetGenericArguments()[0], i.GetGenericArguments()[1])))
            .OrderBy(a => a.Name, StringComparer.Ordinal),
    ];
}

/// <summary>An activity class and its message types; its name is the class name, as orchestrators call it.</summary>
public sealed record PipelineActivity(Type Type, Type Input, Type Output)
{
    public string Name => Type.Name;
}
