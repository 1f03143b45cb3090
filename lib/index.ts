export { BlueshiftImportTrigger, type BlueshiftImportTriggerProps } from './BlueshiftImportTrigger';
