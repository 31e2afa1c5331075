// What is not a software component in an SBOM table (requirements-fda-premarket-2025.md §10):
// a row whose type cell is (whole, normalised) one of these is hardware and never checked.

export const HARDWARE_TYPES = ['hardware', 'device', 'hardware device', '硬件', '设备', '硬件设备'];
