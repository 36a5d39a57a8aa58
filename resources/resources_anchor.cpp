// The reference-data resources are compiled into this library by qt_add_resources; a static
// library needs at least one translation unit of its own.
namespace ch::resources {
int referenceDataLibraryAnchor()
{
    return 0;
}
} // namespace ch::resources
