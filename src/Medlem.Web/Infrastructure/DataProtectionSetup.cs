using System.Xml.Linq;
using Medlem.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Medlem.Web.Infrastructure;

/// <summary>
/// Data Protection, with the key ring where every process that reads the register finds it: on
/// PostgreSQL in the register database (several web instances and the command line share it);
/// with the embedded SQLite file in a <c>keys</c> folder beside it. SQLite allows one writer at a
/// time, so a key written through a second connection while a member is being saved would wait
/// for that very save to finish.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "Medlem";

    public static IServiceCollection AddMedlemDataProtection(this IServiceCollection services, DatabaseOptions database)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (database.IsPostgres)
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
                new ConfigureOptions<KeyManagementOptions>(options =>
                    options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>())));
        }
        else
        {
            builder.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(StorageSetup.SqliteDirectory(database.EffectiveConnectionString), "keys")));
        }

        services.AddSingleton<IPersonalDataProtector, DataProtectionPersonalDataProtector>();
        return services;
    }
}

/// <summary>Keeps Data Protection's key XML in the <c>DataProtectionKeys</c> table.</summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        return db.DataProtectionKeys.Select(k => k.Xml).AsEnumerable().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

/// <summary>Encrypts sensitive columns with a Data Protection purpose of their own.</summary>
internal sealed class DataProtectionPersonalDataProtector(IDataProtectionProvider provider) : IPersonalDataProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Medlem.PersonalData.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string ciphertext) => _protector.Unprotect(ciphertext);
}
