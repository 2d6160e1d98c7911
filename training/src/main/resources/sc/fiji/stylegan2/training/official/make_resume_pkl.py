#!/usr/bin/env python3
"""Writes resume.pkl, the network pickle the official StyleGAN2-ADA trainer resumes from, out of
the state dicts G.pt, D.pt and G_ema.pt in this folder (written by StyleGAN2 for Fiji, command
Export for Official Training). Part of StyleGAN2 for Fiji; it contains none of the official code:
it imports it from your checkout.

    python3 make_resume_pkl.py --official /path/to/stylegan2-ada-pytorch

It builds the official training.networks.Generator and Discriminator with the constructor
arguments in export.json, loads each state dict strictly (a missing, unexpected or wrongly shaped
tensor stops it with the names: the official --resume copies by name and would silently skip
them), pickles dict(G, D, G_ema, augment_pipe=None, training_set_kwargs=None) as the official
snapshots do, and reads the file back through the official legacy.load_network_pkl to check that
every tensor arrived unchanged.
"""
import argparse
import json
import os
import pickle
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NETWORKS = (('G', 'G_kwargs'), ('D', 'D_kwargs'), ('G_ema', 'G_kwargs'))


def fail(message):
    print(f'make_resume_pkl.py: {message}', file=sys.stderr)
    sys.exit(2)


def import_official(checkout):
    if not os.path.isfile(os.path.join(checkout, 'training', 'networks.py')):
        fail(f'--official {checkout}: not a stylegan2-ada-pytorch checkout (no training/networks.py)')
    sys.path.insert(0, os.path.abspath(checkout))
    try:
        import torch
        import legacy
        from training import networks
    except ImportError as err:
        fail(f'--official {checkout}: the official code does not import ({err}); install its requirements')
    return torch, legacy, networks


def build(torch, networks, export, name, kwargs_key):
    cls = networks.Discriminator if name == 'D' else networks.Generator
    module = cls(**export[kwargs_key]).eval().requires_grad_(False)
    path = os.path.join(HERE, f'{name}.pt')
    if not os.path.isfile(path):
        fail(f'{path} is missing; export again with a model_file that has G, D and G_ema')
    state = torch.load(path, map_location='cpu')
    try:
        module.load_state_dict(state, strict=True)  # names and shapes, both ways
    except RuntimeError as err:
        fail(f'{name}.pt does not fit the official {cls.__name__}({kwargs_key}): {err}')
    return module, state


def check_round_trip(torch, legacy, out, states):
    with open(out, 'rb') as f:
        data = legacy.load_network_pkl(f)
    for name, state in states.items():
        tensors = dict(data[name].named_parameters())
        tensors.update(dict(data[name].named_buffers()))
        if set(tensors) != set(state):
            fail(f'{out}: {name} holds other names than {name}.pt after reloading')
        for key, value in state.items():
            if tensors[key].shape != value.shape or not torch.equal(tensors[key].float(), value):
                fail(f'{out}: {name}.{key} changed on the way through the pickle')
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--official', required=True, help='checkout of NVlabs/stylegan2-ada-pytorch')
    parser.add_argument('--out', default=os.path.join(HERE, 'resume.pkl'), help='the pickle to write')
    args = parser.parse_args()
    torch, legacy, networks = import_official(args.official)
    with open(os.path.join(HERE, 'export.json')) as f:
        export = json.load(f)
    nets, states = {}, {}
    for name, kwargs_key in NETWORKS:
        nets[name], states[name] = build(torch, networks, export, name, kwargs_key)
    snapshot = dict(G=nets['G'], D=nets['D'], G_ema=nets['G_ema'], augment_pipe=None,
                    training_set_kwargs=None)
    temp = args.out + '.part'
    with open(temp, 'wb') as f:
        pickle.dump(snapshot, f)
    os.replace(temp, args.out)  # all or nothing
    check_round_trip(torch, legacy, args.out, states)
    counts = ', '.join(f'{name} {len(states[name])} tensors' for name, _ in NETWORKS)
    w_avg = states['G_ema']['mapping.w_avg']
    print(f'wrote {args.out}: {counts}; G_ema mapping.w_avg {list(w_avg.shape)}, '
          f'|w_avg| = {w_avg.norm().item():.4f}; every tensor checked by name, shape and value')


if __name__ == '__main__':
    main()
