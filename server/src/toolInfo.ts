import { name, version } from '../../package.json';

/** The product's name and version, from package.json alone (bundled at build time: the server reads no file). */
export const TOOL_NAME = name;
export const TOOL_VERSION = version;
