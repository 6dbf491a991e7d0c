using Medlem.Core.Consortium;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Privacy.Audit;

/// <summary>
/// The trail has no foreign key to people or memberships: an entry must outlive the member it
/// names (erasure replaces its ids, see README.md), and it is never deleted with them.
/// </summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.SubjectSalt).HasMaxLength(32);
        entry.Property(e => e.SubjectDigest).HasMaxLength(64);
        entry.Property(e => e.Purpose).HasMaxLength(64);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasOne<Library>().WithMany().HasForeignKey(e => e.LibraryId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<StaffAccount>().WithMany().HasForeignKey(e => e.StaffAccountId).OnDelete(DeleteBehavior.Restrict);
        entry.HasIndex(e => new { e.LibraryId, e.Sequence });
        entry.HasIndex(e => new { e.PersonId, e.Sequence });
    }
}
