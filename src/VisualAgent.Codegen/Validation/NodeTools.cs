namespace VisualAgent.Codegen.Validation;

/// <summary>
/// Where tsc and playwright-core are: tools/node/node_modules of the repository (scripts/setup.sh installs it with npm
/// from tools/node/package.json), found from the working directory or the executable upwards, or the folder named by
/// VISUALAGENT_NODE_TOOLS.
/// </summary>
public static class NodeTools
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("VISUALAGENT_NODE_TOOLS") is { Length: > 0 } given)
        {
            return Has(given) ? Path.GetFullPath(given) : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tools", "node");
                if (Has(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string Missing =>
        "tsc and playwright-core are not installed: run scripts/setup.sh in the repository (it runs npm ci in tools/node), or set VISUALAGENT_NODE_TOOLS to a folder whose node_modules has typescript, playwright-core and @types/node";

    private static bool Has(string folder) =>
        File.Exists(Path.Combine(folder, "node_modules", ".bin", "tsc")) && Directory.Exists(Path.Combine(folder, "node_modules", "playwright-core"));
}
