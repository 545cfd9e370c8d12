namespace Extraction.Core.Configuration;

/// <summary>
/// Registers the class as one instance per process (the composition root finds every class so marked):
/// its registration sits on the class it registers, so adding a service touches that one file.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SingletonAttribute : Attribute
{
    /// <summary>Also started and stopped with the host (<c>IHostedService</c>), in the order <c>ExtractionServices.HostedInOrder</c> declares.</summary>
    public bool Hosted { get; init; }

    /// <summary>Registered as this service type (an interface it implements) instead of as itself.</summary>
    public Type? As { get; init; }
}
