using System.Reflection;
using System.Reflection.Emit;

namespace Extraction.Core.Tests;

/// <summary>
/// Which namespace of an assembly uses which, read off the compiled code: every type's signatures
/// (base types, fields, properties, parameters, returns) and every type, method and field its method
/// bodies name (IL tokens) — lambdas and async state machines count for the type that holds them.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _uses = [];
    private readonly Dictionary<string, SortedSet<string>> _assemblies = [];

    public NamespaceGraph(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Prefix = prefix;
        foreach (var type in assembly.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null)
            {
                continue;
            }

            foreach (var used in Referenced(type))
            {
                if (used.Assembly != assembly)
                {
                    AssembliesOf(from).Add(used.Assembly.GetName().Name!);
                }
                else if (NamespaceOf(used) is { } to && to != from)
                {
                    Uses(from, to).Add($"{Outermost(type).Name} uses {Outermost(used).Name}");
                }
            }
        }
    }

    public string Prefix { get; }

    public IEnumerable<string> Namespaces => _uses.Keys.Concat(_uses.Values.SelectMany(v => v.Keys)).Distinct().Order();

    /// <summary>Why <paramref name="from"/> uses <paramref name="to"/> (type pairs), or nothing.</summary>
    public IReadOnlyCollection<string> Why(string from, string to) =>
        _uses.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var why) ? why : [];

    /// <summary>The other assemblies whose types <paramref name="from"/> uses.</summary>
    public IReadOnlyCollection<string> AssembliesUsedBy(string from) => _assemblies.TryGetValue(from, out var names) ? names : [];

    public IEnumerable<string> UsedBy(string from) => _uses.TryGetValue(from, out var targets) ? targets.Keys : [];

    /// <summary>Groups of namespaces that reach each other (strongly connected components of two or more).</summary>
    public List<List<string>> Cycles()
    {
        var index = 0;
        var stack = new Stack<string>();
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var cycles = new List<List<string>>();

        void Visit(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            foreach (var w in UsedBy(v))
            {
                if (!indices.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == indices[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    group.Add(w);
                }
                while (w != v);
                if (group.Count > 1)
                {
                    cycles.Add([.. group.Order()]);
                }
            }
        }

        foreach (var n in Namespaces.Where(n => !indices.ContainsKey(n)))
        {
            Visit(n);
        }

        return cycles;
    }

    private SortedSet<string> AssembliesOf(string from)
    {
        if (!_assemblies.TryGetValue(from, out var names))
        {
            _assemblies[from] = names = [];
        }

        return names;
    }

    private SortedSet<string> Uses(string from, string to)
    {
        if (!_uses.TryGetValue(from, out var targets))
        {
            _uses[from] = targets = [];
        }

        if (!targets.TryGetValue(to, out var why))
        {
            targets[to] = why = [];
        }

        return why;
    }

    private string? NamespaceOf(Type type)
    {
        var ns = Outermost(type).Namespace;
        return ns is not null && ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns : null;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            found.Add(baseType);
        }

        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetFields(all).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                found.Add(info.ReturnType);
            }

            found.AddRange(BodyReferences(method));
        }

        return found.SelectMany(Expand);
    }

    /// <summary>A type and the types inside it: element types, generic arguments.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            return Expand(element);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? type.GetGenericArguments().SelectMany(Expand).Prepend(type.GetGenericTypeDefinition())
            : [type];
    }

    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var member = Resolve(method.Module, BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    if (member is Type t)
                    {
                        yield return t;
                    }
                    else if (member?.DeclaringType is { } declaring)
                    {
                        yield return declaring;
                        if (member is MethodInfo { IsGenericMethod: true } generic)
                        {
                            foreach (var arg in generic.GetGenericArguments())
                            {
                                yield return arg;
                            }
                        }
                    }

                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        try
        {
            return module.ResolveMember(token, typeArgs, methodArgs);
        }
        catch (ArgumentException)
        {
            return null; // a token of another generic context; its declaring type is seen elsewhere
        }
    }
}
