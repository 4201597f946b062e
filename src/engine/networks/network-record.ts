// A network as the engine stores it, in the shape of `docker network inspect` (less Containers,
// which is derived from the containers' endpoints).

export interface IpamConfig {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

export interface NetworkRecord {
  Name: string;
  Id: string;
  /** Engine-clock milliseconds. */
  Created: number;
  Scope: "local";
  Driver: string;
  EnableIPv4: boolean;
  EnableIPv6: boolean;
  IPAM: { Driver: string; Options: Record<string, string> | null; Config: IpamConfig[] };
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigFrom: { Network: string };
  ConfigOnly: boolean;
  Options: Record<string, string>;
  Labels: Record<string, string>;
  /** Whether the subnet came from the create request (a static --ip needs one); not shown by inspect. */
  ConfiguredSubnet?: boolean;
}
